package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The optional body of POST /two-factor/totp: {@code {"verification": {"method", "code"}}}, which
 * is required while the user has an active factor (adding a factor needs a fresh proof).
 */
@Serdeable
public record TotpSetupRequest(@Nullable ProofRequest verification) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.nested(verification);
  }
}
