package com.twofactor.testkit;

import com.twofactor.core.events.StoredChange;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link TwoFactorStore} in a map, with the same conditional-write contract as the DynamoDB one
 * (the shared contract tests prove it). Thread-safe: saves hold this store's lock, which an {@link
 * InMemoryOrgStore} commit also holds while it checks and writes its users' states.
 *
 * <p>Like a DynamoDB stream, it reports every successful write to its change listeners, with the
 * state before and after, in the order of the writes to one user (listeners run inside the write,
 * so they must be quick and must not call back into the store).
 */
public final class InMemoryTwoFactorStore implements TwoFactorStore {
  private final ConcurrentMap<String, UserTwoFactor> states = new ConcurrentHashMap<>();
  private final List<Consumer<StoredChange>> listeners = new CopyOnWriteArrayList<>();
  private volatile Supplier<? extends RuntimeException> outage = () -> null;

  /** Calls {@code listener} with each write from now on. */
  public void onChange(Consumer<StoredChange> listener) {
    listeners.add(listener);
  }

  /**
   * Fault injection for tests: from now on every call first asks {@code outage}, and throws what it
   * supplies (null: the store answers), as an unreachable DynamoDB would.
   */
  public void simulateOutage(Supplier<? extends RuntimeException> outage) {
    this.outage = outage;
  }

  private void checkReachable() {
    RuntimeException failure = outage.get();
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public UserTwoFactor load(String userId) {
    checkReachable();
    return states.getOrDefault(userId, UserTwoFactor.empty(userId));
  }

  @Override
  public synchronized UserTwoFactor save(UserTwoFactor state) {
    checkReachable();
    return states.compute(
        state.userId(),
        (id, stored) -> {
          long storedVersion = stored == null ? 0 : stored.version();
          if (storedVersion != state.version()) {
            throw new StaleStateException(id, state.version());
          }
          UserTwoFactor saved = state.withVersion(state.version() + 1);
          StoredChange change = new StoredChange.UserChange(stored, saved);
          listeners.forEach(l -> l.accept(change));
          return saved;
        });
  }

  /** Runs {@code body} holding the lock of every save, so it is atomic against them. */
  synchronized void atomically(Runnable body) {
    body.run();
  }

  /** The stored version of the user's state (0: none). */
  long versionOf(String userId) {
    return load(userId).version();
  }

  @Override
  public Map<String, UserTwoFactor> loadAll(Collection<String> userIds) {
    Map<String, UserTwoFactor> found = new HashMap<>();
    userIds.forEach(id -> found.put(id, load(id)));
    return found;
  }
}
