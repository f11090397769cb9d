package com.twofactor.core;

import java.util.List;

/** Input that breaks the contract, with the offending fields (answered as 400 invalid_request). */
public final class InvalidRequestException extends TwoFactorException {
  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidRequestException(String field, String message) {
    super(ErrorCode.INVALID_REQUEST, "The request is not valid.");
    this.errors = List.of(new FieldError(field, message));
  }

  public List<FieldError> errors() {
    return errors;
  }

  /** One offending field and what is wrong with it. */
  public record FieldError(String field, String message) {}
}
