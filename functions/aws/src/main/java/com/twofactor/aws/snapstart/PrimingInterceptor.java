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
      throw NotSent.INSTANCE;
    }
  }

  /** Whether {@code failure} is (or wraps) the planned stop of a primed call. */
  static boolean stoppedBeforeSending(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof NotSent) {
        return true;
      }
    }
    return false;
  }

  /** The end of a primed call; never retryable, so priming costs no back-off. */
  static final class NotSent extends SdkClientException {
    private static final long serialVersionUID = 1L;
    static final NotSent INSTANCE = new NotSent();

    private NotSent() {
      super(
          SdkClientException.builder()
              .message("SnapStart priming: not sent")
              .writableStackTrace(false));
    }

    @Override
    public boolean retryable() {
      return false;
    }
  }
}
