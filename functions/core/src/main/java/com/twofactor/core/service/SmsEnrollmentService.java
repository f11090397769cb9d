package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.PendingSms;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.SmsSender;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.sms.PhoneNumbers;
import com.twofactor.core.sms.SmsMessages;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Sets up the SMS factor: a checked phone number receives a code, and becomes active when the user
 * types it back. While any factor is active, adding or replacing a phone needs a fresh
 * second-factor proof; until the new phone is confirmed, the active one keeps working. Uncontended,
 * a start costs one read, one KMS Encrypt, the per-number log's read and conditional write, the
 * user's conditional write and one SNS publish (plus the proof's KMS Decrypt for a TOTP proof, and
 * the digest key's read and Decrypt on an instance's first send).
 *
 * <p>Thread-safe: it keeps no state between calls; one request's own helpers (a proof check, values
 * kept across retries) live only for that call.
 */
public final class SmsEnrollmentService {
  private final SecretCipher cipher;
  private final Clock clock;
  private final SecureRandom random;
  private final LockoutPolicy lockout;
  private final SmsPolicy policy;
  private final PhoneNumbers phones;
  private final VerificationService verification;
  private final BackupCodePolicy backupPolicy;
  private final BackupCodeIssuer backupCodeIssuer;
  private final StateUpdates updates;
  private final SmsDelivery delivery;
  private final NumberSendLimits numbers;

  public SmsEnrollmentService(
      TwoFactorStore store,
      SecretCipher cipher,
      SmsSender sender,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      SmsPolicy policy,
      PhoneNumbers phones,
      SmsMessages messages,
      BackupCodePolicy backupPolicy,
      VerificationService verification,
      PhoneNumberDigest digests,
      NumberSendLog numberSends) {
    this.cipher = cipher;
    this.clock = clock;
    this.random = random;
    this.lockout = lockout;
    this.policy = policy;
    this.phones = phones;
    this.verification = verification;
    this.backupPolicy = backupPolicy;
    this.backupCodeIssuer = new BackupCodeIssuer(cipher, random, backupPolicy);
    this.updates = new StateUpdates(store, audit);
    this.delivery = new SmsDelivery(sender, messages, updates);
    this.numbers = new NumberSendLimits(digests, numberSends, policy);
  }

  /**
   * Checks {@code phoneNumber}, stores it (encrypted) as the pending phone with a new code, and
   * sends the code. While a factor is active, {@code proof} is required; it is checked and used up
   * by the same conditional write that stores the pending phone, after every other check (lockout,
   * the per-user and per-number limits) has passed, so a refused set-up spends no proof.
   */
  public SmsChallenge start(String userId, String phoneNumber, Optional<Proof> proof) {
    PhoneNumbers.Checked phone = phones.check(phoneNumber);
    Instant now = clock.instant();
    SmsCode.Issued issued =
        SmsCode.issue(random, SmsCode.Purpose.ENROLLMENT, now.plus(policy.codeTtl()));
    // Sealed and reserved at most once however many rounds the write takes.
    Once<Ciphertext> sealed = new Once<>();
    NumberSendLimits.Reservation slot = numbers.reservation(now);
    try (ProofCheck check = proof.map(p -> verification.check(userId, p)).orElse(null)) {
      SmsChallenge challenge =
          updates.apply(
              userId,
              state -> {
                lockout.ensureNotLocked(state, now);
                policy.ensureCanSend(state, now);
                return ProofCheck.guard(
                    check,
                    state.enabled(),
                    state,
                    now,
                    userId,
                    next -> {
                      Ciphertext sealedPhone =
                          sealed.get(
                              () ->
                                  cipher.encrypt(
                                      phone.e164().getBytes(StandardCharsets.UTF_8),
                                      EncryptionContext.of(userId, Purpose.PHONE_NUMBER)));
                      slot.take(phone.e164());
                      return pendingPhone(next, phone, sealedPhone, issued, now);
                    });
              });
      delivery.deliver(userId, phone.e164(), issued.code(), issued.stored());
      return challenge;
    } catch (RuntimeException notSent) {
      slot.giveBack();
      throw notSent;
    }
  }

  private Decision<SmsChallenge> pendingPhone(
      UserTwoFactor state,
      PhoneNumbers.Checked phone,
      Ciphertext sealed,
      SmsCode.Issued issued,
      Instant now) {
    var sends = policy.afterSend(state, now);
    UserTwoFactor next =
        state.toBuilder()
            .pendingSms(new PendingSms(sealed, phone.hint(), now.plus(policy.pendingTtl())))
            .smsCode(issued.stored())
            .smsSentAt(sends)
            .build();
    return Decision.grant(
        next,
        new SmsChallenge(phone.hint(), issued.stored().expiresAt(), policy.nextSendAt(sends, now)),
        new AuditEvent(
            now,
            state.userId(),
            "sms.code_sent",
            state.userId(),
            AuditEvent.Outcome.SUCCESS,
            Map.of("purpose", "enrollment", "region", phone.region())));
  }

  /** Activates the pending phone when {@code code} is its live code; wrong codes count. */
  public Confirmation confirm(String userId, String code) {
    String digits = Method.SMS.canonicalCode(code);
    FirstBackupCodes backupCodes = new FirstBackupCodes(backupCodeIssuer, backupPolicy, userId);
    return updates.apply(
        userId,
        state -> {
          Instant now = clock.instant();
          lockout.ensureNotLocked(state, now);
          PendingSms pending =
              state
                  .livePendingSms(now)
                  .orElseThrow(
                      () ->
                          new TwoFactorException(
                              ErrorCode.NO_PENDING_ENROLLMENT,
                              "There is no phone waiting for confirmation; add one first."));
          Map<String, String> details = Map.of("method", "sms");
          if (!policy.codeMatches(state, SmsCode.Purpose.ENROLLMENT, digits, now)) {
            return lockout.refuseWrongCode(
                policy.afterWrongTry(state), now, userId, "sms.enable", details);
          }
          UserTwoFactor activated =
              lockout.afterSuccess(state).toBuilder()
                  .sms(new ActiveSms(pending.phone(), pending.phoneHint(), now))
                  .pendingSms(null)
                  .smsCode(null)
                  .build();
          return backupCodes.confirm(
              activated,
              now,
              new AuditEvent(
                  now, userId, "sms.enable", userId, AuditEvent.Outcome.SUCCESS, details));
        });
  }
}
