package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.SmsSender;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.sms.SmsMessages;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Sends a sign-in or step-up code to the user's active phone; the API, the internal route and the
 * Cognito triggers all send through here, so the per-user and per-number limits hold on every path.
 * Uncontended it costs one read, one KMS Decrypt of the phone number, the per-number log's read and
 * conditional write, the user's conditional write and one SNS publish (plus the digest key's read
 * and Decrypt on an instance's first send). Concurrent requests within the rate window produce one
 * SMS: the send is recorded by the conditional writes before anything is sent.
 *
 * <p>Thread-safe: it keeps no state between calls; one request's own helpers (a proof check, values
 * kept across retries) live only for that call.
 */
public final class SmsSignInService {
  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random;
  private final LockoutPolicy lockout;
  private final SmsPolicy policy;
  private final StateUpdates updates;
  private final SmsDelivery delivery;
  private final NumberSendLimits numbers;

  public SmsSignInService(
      TwoFactorStore store,
      SecretCipher cipher,
      SmsSender sender,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      SmsPolicy policy,
      SmsMessages messages,
      PhoneNumberDigest digests,
      NumberSendLog numberSends) {
    this.cipher = cipher;
    this.clock = clock;
    this.random = random;
    this.lockout = lockout;
    this.policy = policy;
    this.updates = new StateUpdates(store, audit);
    this.delivery = new SmsDelivery(sender, messages, updates);
    this.numbers = new NumberSendLimits(digests, numberSends, policy);
  }

  /**
   * @param actor who asks: the user, or a trusted back end on the user's behalf
   */
  public SmsChallenge sendSignInCode(String actor, String userId) {
    Instant now = clock.instant();
    SmsCode.Issued issued =
        SmsCode.issue(random, SmsCode.Purpose.SIGN_IN, now.plus(policy.codeTtl()));
    // Opened and reserved at most once however many rounds the write takes.
    Once<OpenedNumber> number = new Once<>();
    NumberSendLimits.Reservation slot = numbers.reservation(now);
    try {
      SmsChallenge challenge =
          updates.apply(
              userId,
              state -> {
                lockout.ensureNotLocked(state, now);
                ActiveSms sms =
                    state
                        .activeSms()
                        .orElseThrow(
                            () ->
                                new TwoFactorException(
                                    ErrorCode.NOT_FOUND,
                                    "There is no active phone to send a code to."));
                policy.ensureCanSend(state, now);
                EncryptionContext context = EncryptionContext.of(userId, Purpose.PHONE_NUMBER);
                OpenedNumber opened =
                    number.get(() -> OpenedNumber.open(cipher, sms.phone(), context));
                slot.take(opened.phone());
                var sends = policy.afterSend(state, now);
                // A number of an earlier scheme moves to the current one with this write.
                ActiveSms current =
                    !sms.phone().equals(opened.from()) || sms.phone().equals(opened.resealed())
                        ? sms
                        : new ActiveSms(opened.resealed(), sms.phoneHint(), sms.confirmedAt());
                return Decision.grant(
                    state.toBuilder()
                        .sms(current)
                        .smsCode(issued.stored())
                        .smsSentAt(sends)
                        .build(),
                    new SmsChallenge(
                        sms.phoneHint(),
                        issued.stored().expiresAt(),
                        policy.nextSendAt(sends, now)),
                    new AuditEvent(
                        now,
                        actor,
                        "sms.code_sent",
                        userId,
                        AuditEvent.Outcome.SUCCESS,
                        Map.of("purpose", "sign_in")));
              });
      delivery.deliver(userId, number.orNull().phone(), issued.code(), issued.stored());
      return challenge;
    } catch (RuntimeException notSent) {
      slot.giveBack();
      throw notSent;
    }
  }

  /** The user's number as opened once per request, and its re-sealed form if its scheme is old. */
  private record OpenedNumber(String phone, Ciphertext from, Ciphertext resealed) {
    static OpenedNumber open(SecretCipher cipher, Ciphertext sealed, EncryptionContext context) {
      byte[] plain = cipher.decrypt(sealed, context);
      return new OpenedNumber(
          new String(plain, StandardCharsets.UTF_8),
          sealed,
          cipher.resealed(sealed, plain, context));
    }

    @Override
    public String toString() {
      return "OpenedNumber[redacted]";
    }
  }
}
