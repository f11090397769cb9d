package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/** {@code {"code": "123456"}}. */
@Serdeable
public record CodeRequest(String code) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.code(code);
  }

  @Override
  public String toString() {
    return "CodeRequest[code=***]";
  }
}
