package com.twofactor.cognitoauth;

import com.twofactor.core.model.UserTwoFactor;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * What a custom challenge's metadata records about the user's state when it was created: the last
 * SMS sent, the count of consecutive wrong codes and the lock. Comparing the marks of a challenge
 * with those of the next one (or with the state now) tells what happened while it was open.
 *
 * <p>A failed challenge was a send request, and is not a failed answer, only when an SMS went out
 * while it was open <em>and</em> no code was checked: every checked wrong code moves the count or
 * the lock (LockoutPolicy), and a locked user can be sent nothing. So a wrong code is always
 * counted, whatever else happens concurrently (another sign-in asking for an SMS, the API); what
 * other activity can do is make a send request count as a failure, never the reverse. Immutable.
 */
record ChallengeMarks(long lastSmsMillis, int failedAttempts, long lockedUntilMillis) {
  private static final String PREFIX = "2FA1:";

  /** The marks of a user that does not exist or cannot be read: all zero. */
  static final ChallengeMarks NONE = new ChallengeMarks(0, 0, 0);

  static ChallengeMarks of(UserTwoFactor user) {
    long lastSms =
        user.smsSentAt().stream()
            .max(Comparator.naturalOrder())
            .map(Instant::toEpochMilli)
            .orElse(0L);
    long locked = user.lockedUntil() == null ? 0 : user.lockedUntil().toEpochMilli();
    return new ChallengeMarks(lastSms, user.failedAttempts(), locked);
  }

  String metadata() {
    return PREFIX + lastSmsMillis + ":" + failedAttempts + ":" + lockedUntilMillis;
  }

  /** The marks in a challenge's metadata; empty for anything else (which then counts). */
  static Optional<ChallengeMarks> parse(String metadata) {
    if (metadata == null || !metadata.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String[] parts = metadata.substring(PREFIX.length()).split(":", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new ChallengeMarks(
              Long.parseLong(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** True when, between these marks and {@code later}, an SMS went out and no code was checked. */
  boolean onlySmsSentBefore(ChallengeMarks later) {
    return later.lastSmsMillis > lastSmsMillis
        && later.failedAttempts == failedAttempts
        && later.lockedUntilMillis == lockedUntilMillis;
  }
}
