package com.twofactor.core.service;

import com.twofactor.core.model.NumberSends;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-number SMS limits (issue 9, item 6): every path that texts a code reserves the send here,
 * under the number's keyed digest, with a read, a decision and a write conditioned on the version
 * read, started again when another request wrote in between; so however many accounts race to text
 * one number, at most the limit of sends is granted. Thread-safe.
 *
 * <p>The reservation is its own write, made once every check of the user's state has passed and
 * before the user's write, so that a refusal here spends no proof. When the send then does not
 * happen after all (the user's write is refused or fails, or SNS fails), the caller releases the
 * slot, so a double click costs one slot, not two.
 */
final class NumberSendLimits {
  private static final Logger LOG = LoggerFactory.getLogger(NumberSendLimits.class);

  private final PhoneNumberDigest digests;
  private final NumberSendLog log;
  private final SmsPolicy policy;

  NumberSendLimits(PhoneNumberDigest digests, NumberSendLog log, SmsPolicy policy) {
    this.digests = digests;
    this.log = log;
    this.policy = policy;
  }

  /** A reservation for one request's send at {@code now}, taken at most once. */
  Reservation reservation(Instant now) {
    return new Reservation(now);
  }

  /**
   * One request's slot: {@link #take} reserves it the first time (later rounds of the same request
   * do not take another), {@link #giveBack} releases it if it was taken. Not thread-safe.
   */
  final class Reservation {
    private final Instant at;
    private String takenFor;

    private Reservation(Instant at) {
      this.at = at;
    }

    void take(String e164) {
      if (takenFor == null) {
        reserve(e164, at);
        takenFor = e164;
      }
    }

    void giveBack() {
      if (takenFor != null) {
        release(takenFor, at);
        takenFor = null;
      }
    }
  }

  /**
   * Records a send to {@code e164} at {@code now}.
   *
   * @throws com.twofactor.core.TwoFactorException {@code sms_rate_limited} with the wait, when a
   *     per-number limit would break; nothing is recorded then
   */
  void reserve(String e164, Instant now) {
    update(
        digests.digest(e164),
        current -> {
          Instant next = policy.nextSendToNumberAt(current.sentAt(), now);
          if (next.isAfter(now)) {
            throw SmsPolicy.rateLimited(next, now);
          }
          return policy.afterSendToNumber(current, now);
        });
  }

  /**
   * Gives back the slot {@link #reserve} took at {@code reservedAt} for a send that did not happen.
   * Best effort: a failure is logged, and the slot then simply counts until it ages out.
   */
  void release(String e164, Instant reservedAt) {
    try {
      update(
          digests.digest(e164),
          current -> {
            List<Instant> sends = new ArrayList<>(current.sentAt());
            return sends.remove(reservedAt) ? current.withSends(sends, current.keepUntil()) : null;
          });
    } catch (RuntimeException e) {
      LOG.warn("could not give back an unused per-number SMS slot: {}", e.toString());
    }
  }

  /**
   * Read, decide ({@code null}: nothing to write), conditionally write; again on a lost race,
   * through the service's one retry loop ({@link StateUpdates#retrying}).
   */
  private void update(String digest, UnaryOperator<NumberSends> decide) {
    StateUpdates.retrying(
        () -> {
          NumberSends next = decide.apply(log.load(digest));
          if (next != null) {
            log.save(next);
          }
          return null;
        });
  }
}
