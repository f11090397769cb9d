package com.twofactor.api.json;

import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.InvalidRequestException.FieldError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contract's checks of a request's fields (openapi.yaml), collected so one 400 {@code
 * invalid_request} names every offending field, each once, with its first failed check. The
 * messages are the wire contract's. Fields are named as in the JSON, a nested object's by its own
 * name ({@code code}, not {@code verification.code}). Rejected values are never echoed: a value may
 * be a code.
 *
 * <p>Not thread-safe: one instance per request.
 */
public final class FieldChecks {
  /** The longest code the contract accepts (TOTP, SMS and backup codes are far shorter). */
  public static final int MAX_CODE = 32;

  /** The methods a user signs in or steps up with. */
  public static final Set<String> SIGN_IN_METHODS = Set.of("totp", "sms");

  /** The methods a proof may use: a sign-in method or a backup code. */
  private static final Set<String> PROOF_METHODS = Set.of("totp", "sms", "backup_code");

  /** User, organization and member ids in paths. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

  private final List<FieldError> errors = new ArrayList<>();

  private FieldChecks() {}

  /**
   * Checks a body, if there is one.
   *
   * @throws InvalidRequestException naming every offending field
   */
  public static void valid(CheckedBody body) {
    start().nested(body).orThrow();
  }

  /** Starts checks of path or query values; finish with {@link #orThrow()}. */
  public static FieldChecks start() {
    return new FieldChecks();
  }

  /** Present, not blank, at most {@code maxLength} characters. */
  public FieldChecks text(String field, String value, int maxLength) {
    if (blank(value)) {
      return fail(field, "must not be blank");
    }
    return value.length() > maxLength
        ? fail(field, "size must be between 0 and " + maxLength)
        : this;
  }

  /** A {@code code} field: present, not blank, at most {@link #MAX_CODE} characters. */
  public FieldChecks code(String value) {
    return text("code", value, MAX_CODE);
  }

  /** A proof's {@code method} (a sign-in method or a backup code) and its {@code code}. */
  public FieldChecks proof(String method, String code) {
    return oneOf("method", method, PROOF_METHODS, "must be totp, sms or backup_code").code(code);
  }

  /** Present, not blank, one of {@code allowed}. */
  public FieldChecks oneOf(String field, String value, Set<String> allowed, String message) {
    if (blank(value)) {
      return fail(field, "must not be blank");
    }
    return allowed.contains(value) ? this : fail(field, message);
  }

  /** Absent, or one of {@code allowed}. */
  public FieldChecks optionalOneOf(
      String field, String value, Set<String> allowed, String message) {
    return value == null || allowed.contains(value) ? this : fail(field, message);
  }

  /** Absent, or wholly matching {@code pattern}. */
  public FieldChecks matches(String field, String value, Pattern pattern, String message) {
    return value == null || pattern.matcher(value).matches() ? this : fail(field, message);
  }

  /** Absent, or within {@code min} and {@code max}, both included. */
  public FieldChecks range(String field, Integer value, int min, int max) {
    if (value == null) {
      return this;
    }
    if (value < min) {
      return fail(field, "must be greater than or equal to " + min);
    }
    return value > max ? fail(field, "must be less than or equal to " + max) : this;
  }

  /** A user id in a path. */
  public FieldChecks userId(String value) {
    return matches("userId", value, ID, "is not a user id");
  }

  /** Whether {@code value} has the form of a user, organization or member id. */
  public static boolean isId(String value) {
    return value != null && ID.matcher(value).matches();
  }

  /** An organization's or a member's id in a path. */
  public FieldChecks id(String field, String value) {
    return matches(field, value, ID, "is not a valid id");
  }

  /** Present. */
  public FieldChecks required(String field, Object value) {
    return value == null ? fail(field, "must not be null") : this;
  }

  /** A nested object's own checks, when it is present. */
  public FieldChecks nested(CheckedBody body) {
    if (body != null) {
      body.check(this);
    }
    return this;
  }

  /**
   * @throws InvalidRequestException naming every offending field, sorted by name
   */
  public void orThrow() {
    if (!errors.isEmpty()) {
      throw new InvalidRequestException(
          errors.stream().sorted(Comparator.comparing(FieldError::field)).toList());
    }
  }

  private FieldChecks fail(String field, String message) {
    if (errors.stream().noneMatch(e -> e.field().equals(field))) {
      errors.add(new FieldError(field, message));
    }
    return this;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
