package com.twofactor.core.port;

import com.twofactor.core.model.NumberSends;

/**
 * Durable home of the per-number send counts ({@link NumberSends}), one record per number digest,
 * each written on its own with the same conditional-write contract as {@link TwoFactorStore}.
 * Implementations must be safe for concurrent use.
 *
 * <p>Failures of the underlying service surface as {@code DependencyUnavailableException}.
 *
 * <p>Implementations must be thread-safe: one instance serves every request of a container.
 */
public interface NumberSendLog {

  /** The stored record, or {@link NumberSends#none} (version 0). */
  NumberSends load(String numberDigest);

  /**
   * Writes {@code sends} if and only if the stored version still equals {@code sends.version()}.
   *
   * @return the record as stored, with its version incremented
   * @throws StaleStateException when another writer got there first; nothing was written
   */
  NumberSends save(NumberSends sends);
}
