package com.twofactor.core.service;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Read, decide, conditionally write; start again when another request wrote in between. Because a
 * decision is only acted on once its write has landed on the version it was made from, two
 * concurrent requests can never both use the same code, and no update is lost. Every change of
 * stored state goes through here: the user's state ({@link #apply}), an org's commit and the
 * per-number SMS log ({@link #retrying}). Thread-safe: it keeps no state between calls.
 */
final class StateUpdates {
  /**
   * Enough for every contender of a burst on one user (each round lets at least one writer through;
   * jittered back-off spreads the rest). Past it the caller gets 503 and retries.
   */
  static final int MAX_ROUNDS = 64;

  /** Upper bound of the random pause after a lost race, in milliseconds. */
  private static final int MAX_BACKOFF_MILLIS = 20;

  private final TwoFactorStore store;
  private final AuditLog audit;

  StateUpdates(TwoFactorStore store, AuditLog audit) {
    this.store = store;
    this.audit = audit;
  }

  <R> R apply(String userId, Function<UserTwoFactor, Decision<R>> decide) {
    return retrying(
        () -> {
          UserTwoFactor current = store.load(userId);
          Decision<R> decision = decide.apply(current);
          if (decision.next() != null && !decision.next().equals(current)) {
            store.save(decision.next());
          }
          decision.events().forEach(audit::record);
          return decision.settle();
        });
  }

  /**
   * The one retry loop of the service: runs {@code round} (read, decide, conditional write) again
   * after each {@link StaleStateException}, with jittered back-off, up to {@link #MAX_ROUNDS}; past
   * it the caller gets 503. A round must write nothing unless its conditional write lands.
   */
  static <R> R retrying(Supplier<R> round) {
    StaleStateException last = null;
    for (int attempt = 0; attempt < MAX_ROUNDS; attempt++) {
      try {
        return round.get();
      } catch (StaleStateException lost) {
        last = lost;
        backOff(attempt);
      }
    }
    throw new DependencyUnavailableException("store", last);
  }

  /** A short random pause (not security-relevant randomness) so contenders stop colliding. */
  private static void backOff(int round) {
    int bound = Math.min(MAX_BACKOFF_MILLIS, 2 + 2 * round);
    try {
      Thread.sleep(ThreadLocalRandom.current().nextInt(bound));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DependencyUnavailableException("store", e);
    }
  }
}
