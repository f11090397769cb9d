package com.twofactor.core.service;

import com.twofactor.core.backup.BackupCodeHasher;
import com.twofactor.core.backup.PepperedCodeHashes;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.totp.Totp;
import java.time.Clock;

/**
 * Checks a second-factor code at login, step-up, or as the proof a sensitive change asks for.
 * Uncontended, every check costs one read and one conditional write (docs/budgets.md); the TOTP
 * secret opens under the branch key, so a warm instance calls no KMS.
 *
 * <p>Thread-safe: it keeps no state between calls; one request's own helpers (a proof check, values
 * kept across retries) live only for that call.
 */
public final class VerificationService {
  private final SecretCipher cipher;
  private final Clock clock;
  private final LockoutPolicy lockout;
  private final SmsPolicy smsPolicy;
  private final PepperedCodeHashes backupCodes;
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
    this.backupCodes =
        new PepperedCodeHashes(new BackupCodeHasher(backupPolicy.iterations()), cipher);
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
    try (ProofCheck check = check(userId, method, code)) {
      return updates.apply(
          userId,
          state ->
              check.spendThen(
                  state,
                  clock.instant(),
                  actor,
                  spent -> Decision.grant(spent.next(), spent.verified())));
    }
  }

  /**
   * A check of {@code proof} for an action of {@code userId} that needs a fresh second factor, to
   * be spent inside that action's own decision (see {@link ProofCheck}).
   */
  ProofCheck check(String userId, Proof proof) {
    return check(userId, proof.method(), proof.code());
  }

  private ProofCheck check(String userId, Method method, String code) {
    return new ProofCheck(cipher, lockout, smsPolicy, backupCodes, totp, userId, method, code);
  }
}
