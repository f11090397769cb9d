package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code {"verification": {...}, "method": "totp"}}; without {@code method}, everything goes. */
@Serdeable
public record DisableRequest(ProofRequest verification, @Nullable String method)
    implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks
        .required("verification", verification)
        .nested(verification)
        .optionalOneOf("method", method, FieldChecks.SIGN_IN_METHODS, "must be totp or sms");
  }
}
