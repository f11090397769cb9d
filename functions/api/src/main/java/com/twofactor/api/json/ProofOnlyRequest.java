package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"verification": {"method": "totp", "code": "123456"}}}. */
@Serdeable
public record ProofOnlyRequest(ProofRequest verification) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.required("verification", verification).nested(verification);
  }
}
