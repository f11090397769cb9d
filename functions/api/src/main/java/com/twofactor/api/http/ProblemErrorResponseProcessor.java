package com.twofactor.api.http;

import com.twofactor.core.ErrorCode;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Turns the framework's own errors (unknown route, malformed JSON, missing body, a parameter of the
 * wrong type, unexpected exceptions) into problem documents. The detail is a fixed sentence per
 * status, never an exception message, so nothing internal leaks into a response.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

  @Override
  public MutableHttpResponse<Problem> processResponse(
      ErrorContext context, MutableHttpResponse<?> base) {
    HttpStatus status = base.getStatus();
    ErrorCode code = codeFor(status);
    List<Problem.FieldError> fields =
        status == HttpStatus.BAD_REQUEST ? fieldErrors(context.getErrors()) : null;
    Problem template = Problems.of(code, detailFor(status), fields).body();
    Problem body =
        new Problem(
            template.type(),
            status.getReason(),
            status.getCode(),
            template.detail(),
            template.code(),
            template.errors());
    return base.contentType(Problem.MEDIA_TYPE).body(body);
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

  /** Framework 400s (malformed JSON, a missing body) are reported on the field {@code body}. */
  private static List<Problem.FieldError> fieldErrors(List<Error> errors) {
    List<Problem.FieldError> fields =
        errors.stream()
            .filter(e -> e.getPath().isPresent())
            .map(e -> fieldError(e.getPath().get(), e.getMessage()))
            .toList();
    return fields.isEmpty()
        ? List.of(new Problem.FieldError("body", "must be a valid JSON object of this route"))
        : fields;
  }

  /** A missing body is reported by Micronaut on the path {@code /<parameter>}. */
  private static Problem.FieldError fieldError(String path, String message) {
    if (path.startsWith("/")) {
      return new Problem.FieldError("body", "a JSON body is required");
    }
    int dot = path.lastIndexOf('.');
    return new Problem.FieldError(dot < 0 ? path : path.substring(dot + 1), message);
  }
}
