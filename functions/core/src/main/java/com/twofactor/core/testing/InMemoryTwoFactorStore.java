package com.twofactor.core.testing;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link TwoFactorStore} in a map, with the same conditional-write contract as the DynamoDB one
 * (the shared contract tests prove it). Thread-safe: saves hold this store's lock, which an {@link
 * InMemoryOrgStore} commit also holds while it checks and writes its users' states.
 */
public final class InMemoryTwoFactorStore implements TwoFactorStore {
  private final ConcurrentMap<String, UserTwoFactor> states = new ConcurrentHashMap<>();

  @Override
  public UserTwoFactor load(String userId) {
    return states.getOrDefault(userId, UserTwoFactor.empty(userId));
  }

  @Override
  public synchronized UserTwoFactor save(UserTwoFactor state) {
    return states.compute(
        state.userId(),
        (id, stored) -> {
          long storedVersion = stored == null ? 0 : stored.version();
          if (storedVersion != state.version()) {
            throw new StaleStateException(id, state.version());
          }
          return state.withVersion(state.version() + 1);
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
