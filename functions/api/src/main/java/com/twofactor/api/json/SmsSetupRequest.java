package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"phoneNumber": "+14155550123"}}, plus {@code verification} when replacing an active
 * phone.
 */
@Serdeable
public record SmsSetupRequest(String phoneNumber, @Nullable ProofRequest verification)
    implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.text("phoneNumber", phoneNumber, 32).nested(verification);
  }

  @Override
  public String toString() {
    return "SmsSetupRequest[phoneNumber=***]";
  }
}
