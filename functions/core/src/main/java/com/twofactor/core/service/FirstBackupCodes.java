package com.twofactor.core.service;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives a user their first backup-code set when their first factor becomes active; later
 * confirmations keep the existing set. One instance serves one operation: the set is drawn (and
 * sealed with KMS) at most once, however many times the operation re-reads after a lost race.
 *
 * <p>Not thread-safe: one instance serves one request.
 */
final class FirstBackupCodes {
  private final BackupCodeIssuer issuer;
  private final BackupCodePolicy policy;
  private final String userId;
  private final Once<BackupCodeIssuer.NewSet> issued = new Once<>();

  FirstBackupCodes(BackupCodeIssuer issuer, BackupCodePolicy policy, String userId) {
    this.issuer = issuer;
    this.policy = policy;
    this.userId = userId;
  }

  /**
   * The decision that activates a method: the activated state with the first backup codes when it
   * had none, the {@code enabled} audit event (and the codes' one), and the confirmation to answer.
   */
  Decision<Confirmation> confirm(UserTwoFactor activated, Instant now, AuditEvent enabled) {
    Result withCodes = addIfMissing(activated, now);
    List<AuditEvent> events = new ArrayList<>();
    events.add(enabled);
    events.addAll(withCodes.events());
    return Decision.grant(
        withCodes.next(),
        new Confirmation(
            StatusService.describe(withCodes.next(), now, policy), withCodes.newCodes()),
        events);
  }

  /** {@code next} with a set added if it has none, and the codes to show (empty if none made). */
  record Result(UserTwoFactor next, List<String> newCodes, List<AuditEvent> events) {}

  private Result addIfMissing(UserTwoFactor next, Instant now) {
    if (next.backupCodes() != null) {
      return new Result(next, List.of(), List.of());
    }
    BackupCodeIssuer.NewSet issued = this.issued.get(() -> issuer.issue(userId, now));
    return new Result(
        next.toBuilder().backupCodes(issued.set()).build(),
        issued.codes(),
        List.of(
            new AuditEvent(
                now,
                userId,
                "backup_codes.create",
                userId,
                AuditEvent.Outcome.SUCCESS,
                Map.of("total", Integer.toString(issued.codes().size())))));
  }
}
