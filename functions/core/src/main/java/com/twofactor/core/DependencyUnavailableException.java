package com.twofactor.core;

import java.time.Duration;

/**
 * An AWS dependency (DynamoDB, KMS, SNS) failed or was too contended to finish the operation. The
 * operation granted nothing and left no half-written state (docs/security-rules.md rule 7: fail
 * closed).
 */
public final class DependencyUnavailableException extends TwoFactorException {
  private static final long serialVersionUID = 1L;

  /** A short back-off: dependency failures are usually brief throttling or a network blip. */
  public static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  public DependencyUnavailableException(String dependency, Throwable cause) {
    super(
        ErrorCode.DEPENDENCY_UNAVAILABLE,
        "A service this operation depends on is unavailable (" + dependency + "). Try again.",
        RETRY_AFTER,
        cause);
  }
}
