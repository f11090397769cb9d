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

/**
 * The one place that turns an error code into an HTTP status, title and problem document, and the
 * status of an error the framework answers itself into a problem document.
 */
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
      case TOO_MANY_ATTEMPTS, SMS_RATE_LIMITED, KEY_ROTATED_RECENTLY ->
          HttpStatus.TOO_MANY_REQUESTS;
      case DEPENDENCY_UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
      case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
    };
  }

  /**
   * The problem document of an error the framework answers itself (no route, malformed JSON, a
   * refused origin, ...), with its status kept and a fixed detail per status, never an exception's
   * message.
   */
  public static Problem framework(HttpStatus status, List<Problem.FieldError> errors) {
    Problem template = of(codeFor(status), detailFor(status), errors).body();
    return new Problem(
        template.type(),
        status.getReason(),
        status.getCode(),
        template.detail(),
        template.code(),
        template.errors());
  }

  private static ErrorCode codeFor(HttpStatus status) {
    return switch (status) {
      case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
      case FORBIDDEN -> ErrorCode.FORBIDDEN;
      case NOT_FOUND, METHOD_NOT_ALLOWED -> ErrorCode.NOT_FOUND;
      case SERVICE_UNAVAILABLE -> ErrorCode.DEPENDENCY_UNAVAILABLE;
      default -> status.getCode() >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.INVALID_REQUEST;
    };
  }

  private static String detailFor(HttpStatus status) {
    return switch (status) {
      case BAD_REQUEST -> "The request is not valid.";
      case UNAUTHORIZED -> "Authentication is required.";
      case FORBIDDEN -> "This caller may not use this resource.";
      case NOT_FOUND -> "There is no such resource.";
      case METHOD_NOT_ALLOWED -> "There is no such resource for this method.";
      case UNSUPPORTED_MEDIA_TYPE -> "The request body must be application/json.";
      default ->
          status.getCode() >= 500
              ? "The request could not be completed; nothing was changed."
              : "The request is not valid.";
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

  /**
   * Whole seconds, rounded up: a client that waits exactly this long is never early (at least 1).
   */
  static String retryAfterSeconds(Duration wait) {
    long seconds = wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0);
    return Long.toString(Math.max(1, seconds));
  }

  private static void retryAfter(MutableHttpResponse<?> response, Duration wait) {
    response.header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(wait));
  }
}
