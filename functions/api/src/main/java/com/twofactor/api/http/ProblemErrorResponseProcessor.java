package com.twofactor.api.http;

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
    List<Problem.FieldError> fields =
        status == HttpStatus.BAD_REQUEST
            ? fieldErrors(context.getErrors(), context.getRootCause().isPresent())
            : null;
    Problem body = Problems.framework(status, fields);
    return base.contentType(Problem.MEDIA_TYPE).body(body);
  }

  /**
   * Framework 400s (malformed JSON, a missing body) are reported on the field {@code body}. A 400
   * with no cause at all is the HTTP server refusing what it could not read (a header with a
   * control character, a malformed request line): no field is named, since it is not the body.
   */
  private static List<Problem.FieldError> fieldErrors(List<Error> errors, boolean caused) {
    List<Problem.FieldError> fields =
        errors.stream()
            .filter(e -> e.getPath().isPresent())
            .map(e -> fieldError(e.getPath().get(), e.getMessage()))
            .toList();
    if (!fields.isEmpty()) {
      return fields;
    }
    return caused
        ? List.of(new Problem.FieldError("body", "must be a valid JSON object of this route"))
        : null;
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
