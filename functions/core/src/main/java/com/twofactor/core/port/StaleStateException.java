package com.twofactor.core.port;

/** A conditional write lost against a concurrent writer; the caller re-reads and decides again. */
public final class StaleStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public StaleStateException(String userId, long expectedVersion) {
    super("state of user changed concurrently (expected version " + expectedVersion + ")");
  }
}
