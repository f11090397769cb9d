package com.twofactor.api.json;

import com.twofactor.core.model.Method;
import com.twofactor.core.service.Proof;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code verification}: a fresh second factor that a sensitive change asks for. */
@Serdeable
public record ProofRequest(
    @NotBlank
        @Pattern(regexp = "totp|sms|backup_code", message = "must be totp, sms or backup_code")
        String method,
    @NotBlank @Size(max = 32) String code) {

  public Proof toProof() {
    return new Proof(Method.fromWireName(method).orElseThrow(), code);
  }

  @Override
  public String toString() {
    return "ProofRequest[method=" + method + ", code=***]";
  }
}
