package com.twofactor.core.service;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * docs/security-rules.md rule 5: {@code maxFailures} consecutive wrong codes, of any method, lock
 * verification for {@code lockDuration}; a success resets the count. The count lives in the user's
 * stored state, so it holds across Lambda instances, and every change to it is a conditional write.
 * Immutable and thread-safe.
 */
public record LockoutPolicy(int maxFailures, Duration lockDuration) {
  public static final LockoutPolicy DEFAULT = new LockoutPolicy(5, Duration.ofMinutes(15));

  public LockoutPolicy {
    if (maxFailures < 1) {
      throw new IllegalArgumentException("maxFailures must be at least 1");
    }
    if (lockDuration.isNegative() || lockDuration.isZero()) {
      throw new IllegalArgumentException("lockDuration must be positive");
    }
  }

  /** Refuses with 429 while the user is locked. */
  public void ensureNotLocked(UserTwoFactor state, Instant now) {
    if (state.isLockedAt(now)) {
      throw TwoFactorException.tooManyAttempts(retryAfter(state.lockedUntil(), now));
    }
  }

  /** The state after one more wrong code, locked if that was one too many. */
  public UserTwoFactor afterFailure(UserTwoFactor state, Instant now) {
    int failures = state.isLockedAt(now) ? state.failedAttempts() : state.failedAttempts() + 1;
    if (failures >= maxFailures) {
      return state.toBuilder().failedAttempts(0).lockedUntil(now.plus(lockDuration)).build();
    }
    return state.toBuilder().failedAttempts(failures).build();
  }

  /** The state after a correct code. */
  public UserTwoFactor afterSuccess(UserTwoFactor state) {
    return state.toBuilder().failedAttempts(0).lockedUntil(null).build();
  }

  /**
   * The shared ending of a wrong code: count it, lock when due, audit the failure (and the lock),
   * refuse with {@code invalid_code}, or {@code too_many_attempts} when this try locked the user.
   */
  <R> Decision<R> refuseWrongCode(
      UserTwoFactor state, Instant now, String actor, String action, Map<String, String> details) {
    UserTwoFactor next = afterFailure(state, now);
    AuditEvent failed =
        new AuditEvent(now, actor, action, state.userId(), AuditEvent.Outcome.FAILURE, details);
    if (next.isLockedAt(now)) {
      Map<String, String> lockDetails = new HashMap<>(details);
      lockDetails.put("lockedUntil", next.lockedUntil().toString());
      AuditEvent locked =
          new AuditEvent(
              now,
              actor,
              "verification.locked",
              state.userId(),
              AuditEvent.Outcome.SUCCESS,
              lockDetails);
      return Decision.refuse(
          next,
          TwoFactorException.tooManyAttempts(retryAfter(next.lockedUntil(), now)),
          failed,
          locked);
    }
    return Decision.refuse(next, TwoFactorException.invalidCode(), failed);
  }

  /** Whole seconds until {@code until}, rounded up, at least one. */
  public static Duration retryAfter(Instant until, Instant now) {
    long millis = Duration.between(now, until).toMillis();
    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
  }
}
