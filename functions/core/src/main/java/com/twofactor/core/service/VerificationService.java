package com.twofactor.core.service;

import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.totp.Totp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Checks a second-factor code at login or step-up. Uncontended, a TOTP check costs one read, one
 * decryption and one conditional write (DESIGN.md budget: at most 3 AWS calls); an SMS check one
 * read and one write.
 */
public final class VerificationService {
  private final SecretCipher cipher;
  private final Clock clock;
  private final LockoutPolicy lockout;
  private final SmsPolicy smsPolicy;
  private final Totp totp = new Totp();
  private final StateUpdates updates;

  public VerificationService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy) {
    this.cipher = cipher;
    this.clock = clock;
    this.lockout = lockout;
    this.smsPolicy = smsPolicy;
    this.updates = new StateUpdates(store, audit);
  }

  /**
   * Accepts {@code code} for {@code method} at most once. Wrong, expired, replayed codes and codes
   * of a method the user does not have are all refused alike with {@code invalid_code}, and count
   * towards the lockout.
   *
   * @param actor who asks: the user themself, or a trusted back end
   */
  public Method verify(String actor, String userId, Method method, String code) {
    String digits = Codes.sixDigits(code);
    // Decrypted secrets by ciphertext, so a lost write race does not cost a second KMS call.
    Map<Ciphertext, byte[]> opened = new HashMap<>();
    try {
      return updates.apply(
          userId,
          state -> {
            Instant now = clock.instant();
            lockout.ensureNotLocked(state, now);
            Map<String, String> details = Map.of("method", method.wireName());
            if (method == Method.SMS) {
              return verifySms(actor, state, digits, now, details);
            }
            Optional<ActiveTotp> active =
                method == Method.TOTP ? state.activeTotp() : Optional.empty();
            if (active.isEmpty()) {
              return Verifications.refuseWrongCode(
                  lockout, state, now, actor, "verification", details);
            }
            byte[] secret =
                opened.computeIfAbsent(
                    active.get().secret(),
                    c -> cipher.decrypt(c, EncryptionContext.of(userId, Purpose.TOTP_SECRET)));
            OptionalLong step = totp.matchingStep(secret, digits, now, active.get().lastUsedStep());
            if (step.isEmpty()) {
              return Verifications.refuseWrongCode(
                  lockout, state, now, actor, "verification", details);
            }
            UserTwoFactor next =
                lockout.afterSuccess(state).toBuilder()
                    .totp(active.get().withLastUsedStep(step.getAsLong()))
                    .build();
            return Decision.grant(
                next,
                method,
                new AuditEvent(
                    now, actor, "verification", userId, AuditEvent.Outcome.SUCCESS, details));
          });
    } finally {
      opened.values().forEach(secret -> Arrays.fill(secret, (byte) 0));
    }
  }

  /** An SMS sign-in code: single use, {@code maxAttempts} tries, no KMS call. */
  private Decision<Method> verifySms(
      String actor, UserTwoFactor state, String code, Instant now, Map<String, String> details) {
    if (state.activeSms().isEmpty()
        || !SmsCodeChecks.matches(state, SmsCode.Purpose.SIGN_IN, code, now, smsPolicy)) {
      return Verifications.refuseWrongCode(
          lockout,
          SmsCodeChecks.afterWrongTry(state, smsPolicy),
          now,
          actor,
          "verification",
          details);
    }
    return Decision.grant(
        lockout.afterSuccess(state).toBuilder().smsCode(null).build(),
        Method.SMS,
        new AuditEvent(
            now, actor, "verification", state.userId(), AuditEvent.Outcome.SUCCESS, details));
  }
}
