package com.twofactor.core.service;

import com.twofactor.core.backup.BackupCodes;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.BackupCodeSet;
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
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checks a second-factor code at login, step-up, or as the proof a sensitive change asks for.
 * Uncontended, a TOTP check costs one read, one decryption and one conditional write (DESIGN.md
 * budget: at most 3 AWS calls); SMS and backup-code checks one read and one write, no KMS.
 */
public final class VerificationService {
  private final SecretCipher cipher;
  private final Clock clock;
  private final LockoutPolicy lockout;
  private final SmsPolicy smsPolicy;
  private final BackupCodes backupCodes;
  private final Totp totp = new Totp();
  private final StateUpdates updates;

  public VerificationService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy,
      BackupCodePolicy backupPolicy) {
    this.cipher = cipher;
    this.clock = clock;
    this.lockout = lockout;
    this.smsPolicy = smsPolicy;
    this.backupCodes = new BackupCodes(backupPolicy.iterations());
    this.updates = new StateUpdates(store, audit);
  }

  /**
   * Accepts {@code code} for {@code method} at most once. Wrong, expired, replayed codes and codes
   * of a method the user does not have are all refused alike with {@code invalid_code}, and count
   * towards the lockout. A backup code accepted here is used up.
   *
   * @param actor who asks: the user themself, or a trusted back end
   */
  public Verified verify(String actor, String userId, Method method, String code) {
    return switch (method) {
      case TOTP -> verifyTotp(actor, userId, Codes.sixDigits(code));
      case SMS -> verifySms(actor, userId, Codes.sixDigits(code));
      case BACKUP_CODE -> verifyBackupCode(actor, userId, BackupCodes.canonical(code));
    };
  }

  private Verified verifyTotp(String actor, String userId, String code) {
    Map<String, String> details = Map.of("method", Method.TOTP.wireName());
    // Decrypted secrets by ciphertext, so a lost write race does not cost a second KMS call.
    Map<Ciphertext, byte[]> opened = new HashMap<>();
    try {
      return updates.apply(
          userId,
          state -> {
            Instant now = clock.instant();
            lockout.ensureNotLocked(state, now);
            if (state.activeTotp().isEmpty()) {
              return Verifications.refuseWrongCode(
                  lockout, state, now, actor, "verification", details);
            }
            ActiveTotp active = state.totp();
            byte[] secret =
                opened.computeIfAbsent(
                    active.secret(),
                    c -> cipher.decrypt(c, EncryptionContext.of(userId, Purpose.TOTP_SECRET)));
            OptionalLong step = totp.matchingStep(secret, code, now, active.lastUsedStep());
            if (step.isEmpty()) {
              return Verifications.refuseWrongCode(
                  lockout, state, now, actor, "verification", details);
            }
            return granted(
                actor,
                lockout.afterSuccess(state).toBuilder()
                    .totp(active.withLastUsedStep(step.getAsLong()))
                    .build(),
                Verified.by(Method.TOTP),
                now,
                "verification",
                details);
          });
    } finally {
      opened.values().forEach(secret -> Arrays.fill(secret, (byte) 0));
    }
  }

  /** An SMS sign-in code: single use, {@code maxAttempts} tries. */
  private Verified verifySms(String actor, String userId, String code) {
    Map<String, String> details = Map.of("method", Method.SMS.wireName());
    return updates.apply(
        userId,
        state -> {
          Instant now = clock.instant();
          lockout.ensureNotLocked(state, now);
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
          return granted(
              actor,
              lockout.afterSuccess(state).toBuilder().smsCode(null).build(),
              Verified.by(Method.SMS),
              now,
              "verification",
              details);
        });
  }

  /**
   * A backup code: each works once, even when requests race, since marking it used is part of the
   * conditional write that grants it.
   */
  private Verified verifyBackupCode(String actor, String userId, String canonical) {
    // The slow PBKDF2 derivation of the guess, by set salt: done once however many rounds it takes.
    Map<String, byte[]> derived = new HashMap<>();
    return updates.apply(
        userId,
        state -> {
          Instant now = clock.instant();
          lockout.ensureNotLocked(state, now);
          BackupCodeSet set = state.backupCodes();
          int index =
              set == null
                  ? -1
                  : BackupCodes.find(
                      derived.computeIfAbsent(
                          set.salt(), salt -> backupCodes.derive(salt, canonical)),
                      set.hashes(),
                      set.used());
          if (index < 0) {
            return Verifications.refuseWrongCode(
                lockout,
                state,
                now,
                actor,
                "backup_code.use",
                Map.of("method", Method.BACKUP_CODE.wireName()));
          }
          BackupCodeSet marked = set.withUsed(index);
          return granted(
              actor,
              lockout.afterSuccess(state).toBuilder().backupCodes(marked).build(),
              new Verified(Method.BACKUP_CODE, OptionalInt.of(marked.remaining())),
              now,
              "backup_code.use",
              Map.of(
                  "method",
                  Method.BACKUP_CODE.wireName(),
                  "remaining",
                  Integer.toString(marked.remaining())));
        });
  }

  private static Decision<Verified> granted(
      String actor,
      UserTwoFactor next,
      Verified verified,
      Instant now,
      String action,
      Map<String, String> details) {
    return Decision.grant(
        next,
        verified,
        new AuditEvent(now, actor, action, next.userId(), AuditEvent.Outcome.SUCCESS, details));
  }
}
