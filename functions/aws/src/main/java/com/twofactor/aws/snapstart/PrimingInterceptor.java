package com.twofactor.aws.snapstart;

import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stops an AWS call made while {@link PrimingScope} is active just before it would be sent: by then
 * the SDK has resolved the endpoint, marshalled and signed the request (with placeholder
 * credentials), which is the class loading and JIT warmth priming is for. Nothing reaches AWS, no
 * connection is kept in the snapshot, and nothing is retried. Thread-safe.
 */
@Singleton
public final class PrimingInterceptor implements ExecutionInterceptor {
  private final PrimingScope scope;

  public PrimingInterceptor(PrimingScope scope) {
    this.scope = scope;
  }

  @Override
  public void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
    if (scope.active()) {
      // Not retryable; the SDK rebuilds the exception it surfaces but keeps the cause.
      throw SdkClientException.builder().message("priming: not sent").cause(STOP).build();
    }
  }

  /** Whether {@code failure} is (or wraps) the planned stop of a primed call. */
  static boolean stoppedBeforeSending(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t == STOP) {
        return true;
      }
    }
    return false;
  }

  private static final RuntimeException STOP = new NotSent();

  /** The marker cause of a primed call's planned stop. */
  private static final class NotSent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotSent() {
      super("priming: stopped before transmission", null, false, false);
    }
  }
}
