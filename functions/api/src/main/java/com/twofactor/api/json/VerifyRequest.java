package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"method": "totp", "code": "123456"}}: a login or step-up proof. */
@Serdeable
public record VerifyRequest(String method, String code) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.oneOf("method", method, FieldChecks.SIGN_IN_METHODS, "must be totp or sms").code(code);
  }

  @Override
  public String toString() {
    return "VerifyRequest[method=" + method + ", code=***]";
  }
}
