package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * DESIGN.md rule 3: codes live {@code codeTtl} and allow {@code maxAttempts} tries; sends to one
 * user are at least {@code minInterval} apart and at most {@code maxPerHour} an hour. The send log
 * is part of the user's state, so the limits hold across Lambda instances and, through the
 * conditional write, across concurrent requests.
 */
public record SmsPolicy(
    Duration codeTtl, int maxAttempts, Duration minInterval, int maxPerHour, Duration pendingTtl) {
  public static final SmsPolicy DEFAULT =
      new SmsPolicy(Duration.ofMinutes(5), 5, Duration.ofSeconds(30), 10, Duration.ofMinutes(10));

  private static final Duration WINDOW = Duration.ofHours(1);

  /** Sends within the last hour, oldest first. */
  List<Instant> recentSends(UserTwoFactor state, Instant now) {
    Instant since = now.minus(WINDOW);
    return state.smsSentAt().stream()
        .filter(t -> t.isAfter(since))
        .sorted(Comparator.naturalOrder())
        .toList();
  }

  /** Refuses with 429 {@code sms_rate_limited} when a send now would break a limit. */
  void ensureCanSend(UserTwoFactor state, Instant now) {
    Instant next = nextSendAt(recentSends(state, now), now);
    if (next.isAfter(now)) {
      throw new TwoFactorException(
          ErrorCode.SMS_RATE_LIMITED,
          "Too many text messages: wait before asking for another code.",
          LockoutPolicy.retryAfter(next, now),
          null);
    }
  }

  /** The send log after a send at {@code now}, pruned to the window. */
  List<Instant> afterSend(UserTwoFactor state, Instant now) {
    List<Instant> sends = new ArrayList<>(recentSends(state, now));
    sends.add(now);
    return sends;
  }

  /** When the next send will be allowed, given the sends of the last hour. */
  Instant nextSendAt(List<Instant> recent, Instant now) {
    if (recent.isEmpty()) {
      return now;
    }
    Instant next = recent.get(recent.size() - 1).plus(minInterval);
    if (recent.size() >= maxPerHour) {
      Instant windowFrees = recent.get(recent.size() - maxPerHour).plus(WINDOW);
      next = next.isAfter(windowFrees) ? next : windowFrees;
    }
    return next;
  }
}
