package com.twofactor.api.http;

import com.twofactor.core.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort for a throwable no other handler claims (a bug, a linkage error): 500 {@code
 * internal_error} with a fixed detail, and one log line naming only the throwable's class. The
 * framework's default would log the message and the stack trace, and a message may carry request
 * data (a code, a phone number). More specific handlers (domain refusals, malformed JSON,
 * constraint violations) still win.
 *
 * <p>Thread safety: stateless.
 */
@Singleton
@Produces(Problem.MEDIA_TYPE)
public final class UnexpectedExceptionHandler
    implements ExceptionHandler<Throwable, HttpResponse<Problem>> {
  private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

  @Override
  public HttpResponse<Problem> handle(HttpRequest request, Throwable exception) {
    LOG.error(
        "{} request failed: internal_error (unexpected {})",
        request.getMethod(),
        exception.getClass().getSimpleName());
    return Problems.of(
        ErrorCode.INTERNAL_ERROR, "The request could not be completed; nothing was changed.", null);
  }
}
