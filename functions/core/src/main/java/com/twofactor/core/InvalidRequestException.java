package com.twofactor.core;

import java.util.List;

/** Input that breaks the contract, with the offending fields (answered as 400 invalid_request). */
public final class InvalidRequestException extends TwoFactorException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidRequestException(String field, String message) {
    this(List.of(new FieldError(field, message)));
  }

  /** Several offending fields, answered in the given order; at least one. */
  public InvalidRequestException(List<FieldError> errors) {
    super(ErrorCode.INVALID_REQUEST, "The request is not valid.");
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an invalid request names at least one field");
    }
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One offending field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
