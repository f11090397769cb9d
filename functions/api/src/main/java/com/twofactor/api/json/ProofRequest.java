package com.twofactor.api.json;

import com.twofactor.core.model.Method;
import com.twofactor.core.service.Proof;
import io.micronaut.serde.annotation.Serdeable;

/** {@code verification}: a fresh second factor that a sensitive change asks for. */
@Serdeable
public record ProofRequest(String method, String code) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks
        .oneOf("method", method, FieldChecks.PROOF_METHODS, FieldChecks.PROOF_METHODS_MESSAGE)
        .text("code", code, FieldChecks.MAX_CODE);
  }

  public Proof toProof() {
    return new Proof(Method.fromWireName(method).orElseThrow(), code);
  }

  @Override
  public String toString() {
    return "ProofRequest[method=" + method + ", code=***]";
  }
}
