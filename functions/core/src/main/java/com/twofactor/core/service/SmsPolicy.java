package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.NumberSends;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * docs/security-rules.md rule 3: codes live {@code codeTtl} and allow {@code maxAttempts} tries;
 * sends to one user are at least {@code minInterval} apart and at most {@code maxPerHour} an hour.
 * The send log is part of the user's state, so the limits hold across Lambda instances and, through
 * the conditional write, across concurrent requests.
 *
 * <p>Issue 9: sends to one destination number, whichever accounts ask, are limited too ({@code
 * perNumber}: by default 3 per 15 minutes and 10 per 24 hours), so that many accounts cannot pump
 * texts to one number. Those sends are logged per number digest ({@link NumberSendLimits}).
 *
 * <p>Immutable and thread-safe.
 */
public record SmsPolicy(
    Duration codeTtl,
    int maxAttempts,
    Duration minInterval,
    int maxPerHour,
    Duration pendingTtl,
    List<SendLimit> perNumber) {
  public static final List<SendLimit> DEFAULT_PER_NUMBER =
      List.of(new SendLimit(3, Duration.ofMinutes(15)), new SendLimit(10, Duration.ofHours(24)));

  public static final SmsPolicy DEFAULT =
      new SmsPolicy(
          Duration.ofMinutes(5),
          5,
          Duration.ofSeconds(30),
          10,
          Duration.ofMinutes(10),
          DEFAULT_PER_NUMBER);

  public SmsPolicy {
    perNumber = List.copyOf(perNumber);
  }

  /** At most {@code max} sends within any {@code window}. */
  public record SendLimit(int max, Duration window) {
    public SendLimit {
      if (max < 1) {
        throw new IllegalArgumentException("max must be at least 1");
      }
      if (window.isNegative() || window.isZero()) {
        throw new IllegalArgumentException("window must be positive");
      }
    }
  }

  private static final Duration WINDOW = Duration.ofHours(1);

  /** True when the state holds a live code for {@code purpose}, with tries left, equal to code. */
  boolean codeMatches(UserTwoFactor state, SmsCode.Purpose purpose, String code, Instant now) {
    return state
        .liveSmsCode(purpose, now)
        .filter(c -> c.attempts() < maxAttempts)
        .map(c -> c.matches(code))
        .orElse(false);
  }

  /** The state after a wrong try: the code's count goes up, and the code dies at the limit. */
  UserTwoFactor afterWrongTry(UserTwoFactor state) {
    SmsCode code = state.smsCode();
    if (code == null) {
      return state;
    }
    int attempts = code.attempts() + 1;
    return state.toBuilder()
        .smsCode(attempts >= maxAttempts ? null : code.withAttempts(attempts))
        .build();
  }

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
      throw rateLimited(next, now);
    }
  }

  /** The send log after a send at {@code now}, pruned to the window. */
  List<Instant> afterSend(UserTwoFactor state, Instant now) {
    List<Instant> sends = new ArrayList<>(recentSends(state, now));
    sends.add(now);
    return sends;
  }

  /**
   * When the next send to a number will be allowed, given the sends logged for it: the earliest
   * moment at which every per-number limit has room again.
   */
  Instant nextSendToNumberAt(List<Instant> logged, Instant now) {
    List<Instant> sends = logged.stream().sorted(Comparator.naturalOrder()).toList();
    Instant next = now;
    for (SendLimit limit : perNumber) {
      Instant since = now.minus(limit.window());
      List<Instant> inWindow = sends.stream().filter(t -> t.isAfter(since)).toList();
      if (inWindow.size() >= limit.max()) {
        Instant frees = inWindow.get(inWindow.size() - limit.max()).plus(limit.window());
        next = frees.isAfter(next) ? frees : next;
      }
    }
    return next;
  }

  /** The record of a number after a send at {@code now}, pruned to the longest window. */
  NumberSends afterSendToNumber(NumberSends logged, Instant now) {
    Duration longest =
        perNumber.stream().map(SendLimit::window).max(Comparator.naturalOrder()).orElse(WINDOW);
    Instant since = now.minus(longest);
    List<Instant> sends = new ArrayList<>();
    logged.sentAt().stream().filter(t -> t.isAfter(since)).sorted().forEach(sends::add);
    sends.add(now);
    return logged.withSends(sends, now.plus(longest));
  }

  /** A 429 {@code sms_rate_limited} answer, to be tried again at {@code next}. */
  static TwoFactorException rateLimited(Instant next, Instant now) {
    return new TwoFactorException(
        ErrorCode.SMS_RATE_LIMITED,
        "Too many text messages: wait before asking for another code.",
        LockoutPolicy.retryAfter(next, now),
        null);
  }

  /** When the user may next be sent a code ({@code now} when at once). */
  public Instant nextSendAt(UserTwoFactor state, Instant now) {
    return nextSendAt(recentSends(state, now), now);
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
