package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.BranchKeyRotation;
import com.twofactor.core.port.BranchKeyRotation.CurrentVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rotation of the deployment's branch key, asked for by an operator through a trusted back end:
 * adds the next version and makes it current; every earlier version stays readable.
 *
 * <p>At most one new version per {@link #MIN_INTERVAL}, the key's creation included. Every version
 * stays in one stored item (about 190 bytes each), which each instance reads: at one a day a caller
 * stuck in a loop would need years to reach DynamoDB's 400 KB item limit, and a planned rotation
 * (yearly, or after an incident) never waits. Of two rotations at the same moment, one adds the
 * version and the other is refused like any within the interval. Refusals are audited too, so such
 * a loop shows.
 *
 * <p>Thread-safe; stateless apart from its collaborators.
 */
public final class BranchKeyRotationService {
  /** The least time between two new versions (the creation of version 1 counts as one). */
  public static final Duration MIN_INTERVAL = Duration.ofDays(1);

  static final String ACTION = "branch_key.rotated";
  static final String SUBJECT = "branch-key";

  private final BranchKeyRotation keys;
  private final AuditLog audit;
  private final Clock clock;

  public BranchKeyRotationService(BranchKeyRotation keys, AuditLog audit, Clock clock) {
    this.keys = keys;
    this.audit = audit;
    this.clock = clock;
  }

  /** What a rotation did. */
  public record Rotated(int version, Optional<Integer> previousVersion, Instant rotatedAt) {}

  /**
   * Adds the next version of the branch key (version 1 when the deployment has none yet).
   *
   * @param backend the trusted back end that called, for the audit trail
   * @param actor the person (or system) on whose behalf it called, validated by the edge
   * @param reason why, validated by the edge; audited only
   * @throws TwoFactorException {@code key_rotated_recently} (with how long to wait) within {@link
   *     #MIN_INTERVAL} of the current version's creation, or when another rotation ran at the same
   *     moment
   */
  public Rotated rotate(String backend, String actor, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Optional<CurrentVersion> current = keys.currentVersion();
    int previous = current.map(CurrentVersion::version).orElse(0);
    Map<String, String> details = new LinkedHashMap<>();
    details.put("requestedBy", actor);
    details.put("reason", reason);
    details.put("version", Integer.toString(previous + 1));
    Instant now = clock.instant();
    if (current.isPresent()) {
      Instant allowedAt = current.get().since().plus(MIN_INTERVAL);
      if (now.isBefore(allowedAt)) {
        throw refused(backend, now, details, Duration.between(now, allowedAt));
      }
    }
    Optional<Instant> rotatedAt = keys.rotate(previous);
    if (rotatedAt.isEmpty()) {
      throw refused(backend, now, details, MIN_INTERVAL);
    }
    audit.record(
        new AuditEvent(
            rotatedAt.get(), backend, ACTION, SUBJECT, AuditEvent.Outcome.SUCCESS, details));
    return new Rotated(previous + 1, current.map(CurrentVersion::version), rotatedAt.get());
  }

  private TwoFactorException refused(
      String backend, Instant now, Map<String, String> details, Duration wait) {
    Map<String, String> refusal = new LinkedHashMap<>(details);
    refusal.put("refusal", ErrorCode.KEY_ROTATED_RECENTLY.wireValue());
    audit.record(
        new AuditEvent(now, backend, ACTION, SUBJECT, AuditEvent.Outcome.FAILURE, refusal));
    return new TwoFactorException(
        ErrorCode.KEY_ROTATED_RECENTLY,
        "The branch key got a new version less than "
            + MIN_INTERVAL.toHours()
            + " hours ago; rotate again later.",
        wait,
        null);
  }
}
