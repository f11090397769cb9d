package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"actor": "support:jane", "reason": "lost phone and backup codes, ticket 4711"}}: on whose
 * behalf a trusted back end asks for an operator action (an admin reset, a branch-key rotation),
 * and why. Both go to the audit record; bounded so a caller cannot flood it.
 */
@Serdeable
public record OperatorRequest(String actor, String reason) implements CheckedBody {
  public static final int MAX_ACTOR = 128;
  public static final int MAX_REASON = 500;

  @Override
  public void check(FieldChecks checks) {
    checks.text("actor", actor, MAX_ACTOR).text("reason", reason, MAX_REASON);
  }
}
