package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code {"method": "totp", "code": "123456"}}: a login or step-up proof. */
@Serdeable
public record VerifyRequest(
    @NotBlank @Pattern(regexp = "totp|sms", message = "must be totp or sms") String method,
    @NotBlank @Size(max = 32) String code) {
  @Override
  public String toString() {
    return "VerifyRequest[method=" + method + ", code=***]";
  }
}
