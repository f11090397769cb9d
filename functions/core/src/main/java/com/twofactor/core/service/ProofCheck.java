package com.twofactor.core.service;

import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.backup.BackupCodeHasher;
import com.twofactor.core.backup.PepperedCodeHashes;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * One second-factor code, checked against whatever state a round of {@link StateUpdates} read, and
 * spent by that round's own conditional write. This is what lets an action that needs a fresh proof
 * (verify itself, adding a factor, revealing or regenerating backup codes) check the proof and use
 * it up in the same write that performs the action: a refused action writes nothing and so spends
 * nothing, and two requests can never both spend one code.
 *
 * <p>One instance serves one request: across rounds it keeps the slow parts (the decrypted TOTP
 * secret by ciphertext, the PBKDF2 derivation by salt), so a lost write race costs no second KMS
 * call. {@link #close} wipes the secret. Not thread-safe.
 */
final class ProofCheck implements AutoCloseable {
  private final SecretCipher cipher;
  private final LockoutPolicy lockout;
  private final SmsPolicy smsPolicy;
  private final PepperedCodeHashes backupCodes;
  private final Totp totp;
  private final String userId;
  private final Method method;
  private final String code;
  private final Map<Ciphertext, byte[]> openedSecrets = new HashMap<>();
  private final Map<String, byte[]> derivedGuesses = new HashMap<>();
  private final Map<Ciphertext, Ciphertext> resealedSecrets = new HashMap<>();

  /**
   * @throws com.twofactor.core.InvalidRequestException on field {@code code} when {@code code}
   *     cannot be a code of {@code method}
   */
  ProofCheck(
      SecretCipher cipher,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy,
      PepperedCodeHashes backupCodes,
      Totp totp,
      String userId,
      Method method,
      String code) {
    this.cipher = cipher;
    this.lockout = lockout;
    this.smsPolicy = smsPolicy;
    this.backupCodes = backupCodes;
    this.totp = totp;
    this.userId = userId;
    this.method = method;
    this.code = method.canonicalCode(code);
  }

  /** The state with the proof used up and the failure count reset, and what it proved. */
  record Spent(UserTwoFactor next, Verified verified) {}

  /**
   * Checks the proof against {@code state}. A wrong one (or one of a method the user does not have)
   * is refused alike with {@code invalid_code}, counted towards the lockout; a right one is spent
   * and handed to {@code action}, whose decision is then written with it. The verification's audit
   * event comes first in the decision's events.
   *
   * @throws com.twofactor.core.TwoFactorException {@code too_many_attempts} while the user is
   *     locked
   */
  <R> Decision<R> spendThen(
      UserTwoFactor state, Instant now, String actor, Function<Spent, Decision<R>> action) {
    lockout.ensureNotLocked(state, now);
    UserTwoFactor spent =
        switch (method) {
          case TOTP -> spendTotp(state, now);
          case SMS -> spendSms(state, now);
          case BACKUP_CODE -> spendBackupCode(state);
        };
    if (spent == null) {
      UserTwoFactor counted = method == Method.SMS ? smsPolicy.afterWrongTry(state) : state;
      return lockout.refuseWrongCode(counted, now, actor, action(), details(null));
    }
    UserTwoFactor next = lockout.afterSuccess(spent);
    OptionalInt remaining =
        method == Method.BACKUP_CODE
            ? OptionalInt.of(next.backupCodes().remaining())
            : OptionalInt.empty();
    return action
        .apply(new Spent(next, new Verified(method, remaining)))
        .withEventFirst(
            new AuditEvent(
                now, actor, action(), userId, AuditEvent.Outcome.SUCCESS, details(remaining)));
  }

  /**
   * Decides an action that needs a proof when {@code required} (as adding a factor does while one
   * is active): without {@code check} it is refused with {@code invalid_request} on field {@code
   * verification}; with one, the proof is spent by the action's own write (see {@link #spendThen}).
   * A proof given when none is required is checked and spent all the same.
   *
   * @param check the request's proof, or null when it carried none
   */
  static <R> Decision<R> guard(
      ProofCheck check,
      boolean required,
      UserTwoFactor state,
      Instant now,
      String actor,
      Function<UserTwoFactor, Decision<R>> action) {
    if (check == null) {
      if (required) {
        throw new InvalidRequestException(
            "verification", "is required while a second factor is active");
      }
      return action.apply(state);
    }
    return check.spendThen(state, now, actor, spent -> action.apply(spent.next()));
  }

  private UserTwoFactor spendTotp(UserTwoFactor state, Instant now) {
    if (state.activeTotp().isEmpty()) {
      return null;
    }
    ActiveTotp active = state.totp();
    EncryptionContext context = EncryptionContext.of(userId, Purpose.TOTP_SECRET);
    byte[] secret = openedSecrets.computeIfAbsent(active.secret(), c -> cipher.decrypt(c, context));
    OptionalLong step = totp.matchingStep(secret, code, now, active.lastUsedStep());
    if (step.isEmpty()) {
      return null;
    }
    // A secret of an earlier scheme moves to the current one with this write.
    Ciphertext current =
        resealedSecrets.computeIfAbsent(active.secret(), c -> cipher.resealed(c, secret, context));
    return state.toBuilder()
        .totp(new ActiveTotp(current, active.confirmedAt(), step.getAsLong()))
        .build();
  }

  private UserTwoFactor spendSms(UserTwoFactor state, Instant now) {
    if (state.activeSms().isEmpty()
        || !smsPolicy.codeMatches(state, SmsCode.Purpose.SIGN_IN, code, now)) {
      return null;
    }
    return state.toBuilder().smsCode(null).build();
  }

  /** Marking the code used is part of the write that grants it, so each works once. */
  private UserTwoFactor spendBackupCode(UserTwoFactor state) {
    BackupCodeSet set = state.backupCodes();
    if (set == null) {
      return null;
    }
    byte[] guess =
        derivedGuesses.computeIfAbsent(set.salt(), salt -> backupCodes.derive(salt, code));
    int index = BackupCodeHasher.find(guess, set.hashes(), set.used());
    return index < 0 ? null : state.toBuilder().backupCodes(set.withUsed(index)).build();
  }

  private String action() {
    return method == Method.BACKUP_CODE ? "backup_code.use" : "verification";
  }

  private Map<String, String> details(OptionalInt remaining) {
    return remaining == null || remaining.isEmpty()
        ? Map.of("method", method.wireName())
        : Map.of("method", method.wireName(), "remaining", Integer.toString(remaining.getAsInt()));
  }

  @Override
  public void close() {
    openedSecrets.values().forEach(secret -> Arrays.fill(secret, (byte) 0));
  }

  @Override
  public String toString() {
    return "ProofCheck[" + method.wireName() + "]";
  }
}
