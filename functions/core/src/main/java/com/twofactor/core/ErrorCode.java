package com.twofactor.core;

/**
 * Stable, machine-readable error codes of the public contract (docs/error-codes.md, with their
 * statuses). The HTTP edge maps each to a status; the wire value never changes once published.
 */
public enum ErrorCode {
  INVALID_REQUEST("invalid_request"),
  INVALID_CODE("invalid_code"),
  UNAUTHENTICATED("unauthenticated"),
  FORBIDDEN("forbidden"),
  NOT_FOUND("not_found"),
  NO_PENDING_ENROLLMENT("no_pending_enrollment"),
  ALREADY_ENABLED("already_enabled"),
  TWO_FACTOR_REQUIRED_BY_ORG("two_factor_required_by_org"),
  OWNERS_WITHOUT_TWO_FACTOR("owners_without_two_factor"),
  LAST_OWNER("last_owner"),
  TOO_MANY_ATTEMPTS("too_many_attempts"),
  SMS_RATE_LIMITED("sms_rate_limited"),
  KEY_ROTATED_RECENTLY("key_rotated_recently"),
  DEPENDENCY_UNAVAILABLE("dependency_unavailable"),
  INTERNAL_ERROR("internal_error");

  private final String wireValue;

  ErrorCode(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }
}
