package com.twofactor.api.json;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code {"phoneNumber": "+14155550123"}}, plus {@code verification} when replacing an active
 * phone.
 */
@Serdeable
public record SmsSetupRequest(
    @NotBlank @Size(max = 32) String phoneNumber, @Nullable @Valid ProofRequest verification) {
  @Override
  public String toString() {
    return "SmsSetupRequest[phoneNumber=***]";
  }
}
