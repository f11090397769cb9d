package com.twofactor.core.port;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Who did what to whom, when, and how it ended. {@code details} holds non-secret facts only (a
 * method name, a count); never a code, secret or phone number.
 *
 * @param actor the authenticated caller (a user id, or "internal" for trusted back ends)
 * @param action what was attempted, such as {@code totp.enabled}
 * @param subject the user whose factors were concerned
 */
public record AuditEvent(
    Instant at,
    String actor,
    String action,
    String subject,
    Outcome outcome,
    Map<String, String> details) {

  public AuditEvent {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(outcome, "outcome");
    details = Map.copyOf(details);
  }

  /** How the action ended. */
  public enum Outcome {
    SUCCESS,
    FAILURE
  }
}
