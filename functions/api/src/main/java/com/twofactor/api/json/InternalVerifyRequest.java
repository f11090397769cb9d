package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {"method": "totp", "code": "123456"}}: a trusted back end's check, which may use a backup
 * code.
 */
@Serdeable
public record InternalVerifyRequest(String method, String code) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.proof(method, code);
  }

  @Override
  public String toString() {
    return "InternalVerifyRequest[method=" + method + ", code=***]";
  }
}
