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
 * <p>At most one rotation per {@link #MIN_INTERVAL}: every version stays in one stored item, which
 * each instance reads, so a caller stuck in a retry loop must not grow it without bound; and a
 * second rotation within minutes adds nothing, since instances keep sealing under the version they
 * hold for up to ten minutes anyway. Two rotations at the same moment add one version: the other
 * caller is told to wait like any caller within the interval.
 *
 * <p>Thread-safe; stateless apart from its collaborators.
 */
public final class BranchKeyRotationService {
  /** The least time between two rotations. */
  public static final Duration MIN_INTERVAL = Duration.ofHours(1);

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
   *     #MIN_INTERVAL} of the last rotation, or when another rotation ran at the same moment
   */
  public Rotated rotate(String backend, String actor, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    Instant now = clock.instant();
    Optional<CurrentVersion> current = keys.currentVersion();
    if (current.isPresent()) {
      Instant allowedAt = current.get().since().plus(MIN_INTERVAL);
      if (now.isBefore(allowedAt)) {
        throw rotatedRecently(Duration.between(now, allowedAt));
      }
    }
    int previous = current.map(CurrentVersion::version).orElse(0);
    if (!keys.rotate(previous)) {
      throw rotatedRecently(MIN_INTERVAL);
    }
    Rotated rotated =
        new Rotated(previous + 1, current.map(CurrentVersion::version), clock.instant());
    Map<String, String> details = new LinkedHashMap<>();
    details.put("requestedBy", actor);
    details.put("reason", reason);
    details.put("version", Integer.toString(rotated.version()));
    audit.record(
        new AuditEvent(
            rotated.rotatedAt(), backend, ACTION, SUBJECT, AuditEvent.Outcome.SUCCESS, details));
    return rotated;
  }

  private static TwoFactorException rotatedRecently(Duration wait) {
    return new TwoFactorException(
        ErrorCode.KEY_ROTATED_RECENTLY,
        "The branch key was rotated less than an hour ago.",
        wait,
        null);
  }
}
