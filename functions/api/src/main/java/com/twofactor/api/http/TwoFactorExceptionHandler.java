package com.twofactor.api.http;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Answers every domain refusal with its problem document (and Retry-After where it has one). */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public final class TwoFactorExceptionHandler
    implements ExceptionHandler<TwoFactorException, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(TwoFactorExceptionHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, TwoFactorException exception) {
    if (exception.code() == ErrorCode.DEPENDENCY_UNAVAILABLE
        || exception.code() == ErrorCode.INTERNAL_ERROR) {
      // Only class names of the causes: a provider's error message may echo request data (SNS,
      // for one, can quote the phone number), and nothing of that may reach the logs.
      LOG.error(
          "{} {} failed: {} ({}; causes: {})",
          request.getMethod(),
          request.getPath(),
          exception.code().wireValue(),
          exception.getMessage(),
          causes(exception.getCause()));
    }
    return Problems.of(exception);
  }

  /** {@code SdkClientException <- SocketTimeoutException}: the cause chain, names only. */
  static String causes(Throwable cause) {
    StringBuilder chain = new StringBuilder();
    for (Throwable t = cause; t != null && chain.length() < 500; t = t.getCause()) {
      chain.append(chain.length() == 0 ? "" : " <- ").append(t.getClass().getSimpleName());
    }
    return chain.length() == 0 ? "none" : chain.toString();
  }
}
