package com.twofactor.api.http;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.List;

/** The one place that turns an error code into an HTTP status, title and problem document. */
public final class Problems {
  private Problems() {}

  public static HttpStatus status(ErrorCode code) {
    return switch (code) {
      case INVALID_REQUEST, INVALID_CODE -> HttpStatus.BAD_REQUEST;
      case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
      case FORBIDDEN -> HttpStatus.FORBIDDEN;
      case NOT_FOUND -> HttpStatus.NOT_FOUND;
      case NO_PENDING_ENROLLMENT,
          ALREADY_ENABLED,
          TWO_FACTOR_REQUIRED_BY_ORG,
          OWNERS_WITHOUT_TWO_FACTOR,
          LAST_OWNER ->
          HttpStatus.CONFLICT;
      case TOO_MANY_ATTEMPTS, SMS_RATE_LIMITED -> HttpStatus.TOO_MANY_REQUESTS;
      case DEPENDENCY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  public static MutableHttpResponse<Problem> of(TwoFactorException e) {
    List<Problem.FieldError> errors =
        e instanceof InvalidRequestException invalid
            ? invalid.errors().stream()
                .map(f -> new Problem.FieldError(f.field(), f.message()))
                .toList()
            : null;
    MutableHttpResponse<Problem> response = of(e.code(), e.getMessage(), errors);
    if (e instanceof ListedConflictException listed) {
      Problem p = response.body();
      boolean owners = listed.listName().equals("owners");
      response.body(
          new Problem(
              p.type(),
              p.title(),
              p.status(),
              p.detail(),
              p.code(),
              null,
              owners ? listed.ids() : null,
              owners ? null : listed.ids()));
    }
    e.retryAfter().ifPresent(wait -> retryAfter(response, wait));
    return response;
  }

  public static MutableHttpResponse<Problem> of(
      ErrorCode code, String detail, List<Problem.FieldError> errors) {
    HttpStatus status = status(code);
    Problem body =
        new Problem(
            "https://twofactor.dev/problems/" + code.wireValue(),
            status.getReason(),
            status.getCode(),
            detail,
            code.wireValue(),
            errors);
    return HttpResponse.<Problem>status(status).contentType(Problem.MEDIA_TYPE).body(body);
  }

  private static void retryAfter(MutableHttpResponse<?> response, Duration wait) {
    response.header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
  }
}
