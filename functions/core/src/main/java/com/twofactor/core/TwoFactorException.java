package com.twofactor.core;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A refusal the caller is told about, carrying its contract {@link ErrorCode}. The detail is safe
 * to show to the client: it never contains a secret, a code or a phone number.
 */
public class TwoFactorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Duration retryAfter;

  public TwoFactorException(ErrorCode code, String detail) {
    this(code, detail, null, null);
  }

  public TwoFactorException(ErrorCode code, String detail, Duration retryAfter, Throwable cause) {
    super(detail, cause);
    this.code = Objects.requireNonNull(code);
    this.retryAfter = retryAfter;
  }

  public static TwoFactorException invalidCode() {
    return new TwoFactorException(
        ErrorCode.INVALID_CODE, "The code is wrong, expired or already used.");
  }

  public static TwoFactorException tooManyAttempts(Duration retryAfter) {
    return new TwoFactorException(
        ErrorCode.TOO_MANY_ATTEMPTS,
        "Too many wrong codes: verification is locked for a while.",
        retryAfter,
        null);
  }

  public ErrorCode code() {
    return code;
  }

  /** How long the client should wait before trying again, for 429 and 503 answers. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
