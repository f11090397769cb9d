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
      // The cause names the failing service and operation; it carries no secret or code.
      LOG.error(
          "{} {} failed: {}", request.getMethod(), request.getPath(), exception.code(), exception);
    }
    return Problems.of(exception);
  }
}
