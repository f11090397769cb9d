package com.twofactor.core.service;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Duration;
import java.time.Instant;

/**
 * DESIGN.md rule 5: {@code maxFailures} consecutive wrong codes, of any method, lock verification
 * for {@code lockDuration}; a success resets the count. The count lives in the user's stored state,
 * so it holds across Lambda instances, and every change to it is a conditional write.
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

  /** Whole seconds until {@code until}, rounded up, at least one. */
  public static Duration retryAfter(Instant until, Instant now) {
    long millis = Duration.between(now, until).toMillis();
    return Duration.ofSeconds(Math.max(1, (millis + 999) / 1000));
  }
}
