package com.twofactor.core.service;

import java.util.function.Supplier;

/**
 * A value one request computes at most once, however many rounds of {@link StateUpdates} it takes:
 * a lost write race re-reads the state and decides again, but does not pay again for what costs a
 * KMS call or draws randomness (a sealed secret, an opened phone number, a new backup-code set).
 * Not thread-safe: one request's rounds run one after another on one thread.
 */
final class Once<T> {
  private T value;

  /** The value, computed by {@code compute} on the first call; later calls return it. */
  T get(Supplier<T> compute) {
    if (value == null) {
      value = compute.get();
    }
    return value;
  }

  /** The value if a round computed it, else null. */
  T orNull() {
    return value;
  }
}
