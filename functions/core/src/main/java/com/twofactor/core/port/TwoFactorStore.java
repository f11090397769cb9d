package com.twofactor.core.port;

import com.twofactor.core.model.UserTwoFactor;
import java.util.Collection;
import java.util.Map;

/**
 * Durable home of each user's {@link UserTwoFactor}. Implementations must be safe for concurrent
 * use and must make {@link #save} a conditional write on the version.
 *
 * <p>Failures of the underlying service surface as {@code DependencyUnavailableException}.
 *
 * <p>Implementations must be thread-safe: one instance serves every request of a container.
 */
public interface TwoFactorStore {

  /** The stored state, or {@link UserTwoFactor#empty} (version 0) when the user has none. */
  UserTwoFactor load(String userId);

  /**
   * Writes {@code state} if and only if the stored version still equals {@code state.version()} (0:
   * nothing is stored). The write is atomic: either all of it is stored or none.
   *
   * @return the state as stored, with its version incremented
   * @throws StaleStateException when another writer got there first; nothing was written
   */
  UserTwoFactor save(UserTwoFactor state);

  /**
   * The states of many users, by id, in as few reads as the store allows (DynamoDB: one batch read
   * per 100 users); users with nothing stored come back empty.
   */
  Map<String, UserTwoFactor> loadAll(Collection<String> userIds);
}
