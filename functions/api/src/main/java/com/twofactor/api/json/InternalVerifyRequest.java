package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code {"method": "totp", "code": "123456"}}: a trusted back end's check, which may use a backup
 * code.
 */
@Serdeable
public record InternalVerifyRequest(
    @NotBlank
        @Pattern(regexp = "totp|sms|backup_code", message = "must be totp, sms or backup_code")
        String method,
    @NotBlank @Size(max = 32) String code) {
  @Override
  public String toString() {
    return "InternalVerifyRequest[method=" + method + ", code=***]";
  }
}
