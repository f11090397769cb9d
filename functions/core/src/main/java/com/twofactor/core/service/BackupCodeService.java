package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * "Reveal codes" and "regenerate": both need a fresh second factor (a backup code used as that
 * proof is consumed). Consuming a code is a verification ({@link VerificationService}).
 *
 * <p>Thread-safe: it keeps no state between calls; one request's own helpers (a proof check, values
 * kept across retries) live only for that call.
 */
public final class BackupCodeService {
  private final Clock clock;
  private final VerificationService verification;
  private final BackupCodeIssuer issuer;
  private final StateUpdates updates;

  public BackupCodeService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      BackupCodePolicy policy,
      VerificationService verification) {
    this.clock = clock;
    this.verification = verification;
    this.issuer = new BackupCodeIssuer(cipher, random, policy);
    this.updates = new StateUpdates(store, audit);
  }

  /** One code with its state, for "Reveal codes". */
  public record RevealedCode(String code, boolean used) {
    @Override
    public String toString() {
      return "RevealedCode[used=" + used + "]";
    }
  }

  /** The set as the user may see it. */
  public record Revealed(List<RevealedCode> codes, int remaining) {}

  /**
   * Shows the current set, each code with its used flag. {@code proof} is checked and used up by
   * the conditional write that records the reveal, after every other precondition held and the set
   * was opened, so a refused reveal spends no proof. A backup code given as the proof shows as
   * used.
   */
  public Revealed reveal(String userId, Proof proof) {
    Map<Ciphertext, List<String>> opened = new HashMap<>();
    try (ProofCheck check = verification.check(userId, proof)) {
      return updates.apply(
          userId,
          state -> {
            Instant now = clock.instant();
            if (state.backupCodes() == null) {
              throw noCodes();
            }
            return check.spendThen(
                state,
                now,
                userId,
                spent -> {
                  BackupCodeSet set = spent.next().backupCodes();
                  List<String> codes =
                      opened.computeIfAbsent(set.sealed(), ciphertext -> issuer.open(userId, set));
                  List<RevealedCode> revealed = new ArrayList<>(codes.size());
                  for (int i = 0; i < codes.size(); i++) {
                    revealed.add(new RevealedCode(codes.get(i), set.used().get(i)));
                  }
                  return Decision.grant(
                      spent.next(),
                      new Revealed(revealed, set.remaining()),
                      new AuditEvent(
                          now,
                          userId,
                          "backup_codes.reveal",
                          userId,
                          AuditEvent.Outcome.SUCCESS,
                          Map.of("remaining", Integer.toString(set.remaining()))));
                });
          });
    }
  }

  /**
   * Replaces the set with a new one; the old codes stop working the moment the conditional write
   * lands. {@code proof} is checked and used up by that same write, after the new set was made, so
   * a refused or failed regeneration spends no proof.
   */
  public Revealed regenerate(String userId, Proof proof) {
    Instant now = clock.instant();
    Once<BackupCodeIssuer.NewSet> issued = new Once<>();
    try (ProofCheck check = verification.check(userId, proof)) {
      updates.apply(
          userId,
          state -> {
            if (!state.enabled()) {
              throw noCodes();
            }
            return check.spendThen(
                state,
                clock.instant(),
                userId,
                spent -> {
                  BackupCodeIssuer.NewSet fresh = issued.get(() -> issuer.issue(userId, now));
                  return Decision.grant(
                      spent.next().toBuilder().backupCodes(fresh.set()).build(),
                      null,
                      new AuditEvent(
                          now,
                          userId,
                          "backup_codes.regenerate",
                          userId,
                          AuditEvent.Outcome.SUCCESS,
                          Map.of("total", Integer.toString(fresh.codes().size()))));
                });
          });
    }
    List<RevealedCode> codes =
        issued.orNull().codes().stream().map(code -> new RevealedCode(code, false)).toList();
    return new Revealed(codes, codes.size());
  }

  private static TwoFactorException noCodes() {
    return new TwoFactorException(
        ErrorCode.NOT_FOUND, "There are no backup codes; set up 2FA first.");
  }
}
