package com.twofactor.core.service;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.NumberSends;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.StaleStateException;
import java.time.Instant;

/**
 * The per-number SMS limits (issue 9, item 6): every path that texts a code reserves the send here
 * first, under the number's keyed digest, with a read, a decision and a write conditioned on the
 * version read, started again when another request wrote in between; so however many accounts race
 * to text one number, at most the limit of sends is granted. Thread-safe.
 *
 * <p>The reservation is its own write, before the user's: callers make it only once every other
 * check of the send has passed (so a refused request uses up no slot), and a slot is not given back
 * if the user's write or the send then fails, which errs towards fewer messages.
 */
final class NumberSendLimits {
  private final PhoneNumberDigest digests;
  private final NumberSendLog log;
  private final SmsPolicy policy;

  NumberSendLimits(PhoneNumberDigest digests, NumberSendLog log, SmsPolicy policy) {
    this.digests = digests;
    this.log = log;
    this.policy = policy;
  }

  /**
   * Records a send to {@code e164} at {@code now}.
   *
   * @throws com.twofactor.core.TwoFactorException {@code sms_rate_limited} with the wait, when a
   *     per-number limit would break; nothing is recorded then
   */
  void reserve(String e164, Instant now) {
    String digest = digests.digest(e164);
    for (int round = 0; round < StateUpdates.MAX_ROUNDS; round++) {
      NumberSends current = log.load(digest);
      Instant next = policy.nextSendToNumberAt(current.sentAt(), now);
      if (next.isAfter(now)) {
        throw SmsPolicy.rateLimited(next, now);
      }
      try {
        log.save(policy.afterSendToNumber(current, now));
        return;
      } catch (StaleStateException lost) {
        StateUpdates.backOff(round);
      }
    }
    throw new DependencyUnavailableException("store", new StaleStateException(digest, -1));
  }
}
