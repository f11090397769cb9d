package com.twofactor.api.json;

import com.twofactor.core.model.Method;
import com.twofactor.core.service.Proof;
import io.micronaut.serde.annotation.Serdeable;

/** {@code verification}: a fresh second factor that a sensitive change asks for. */
@Serdeable
public record ProofRequest(String method, String code) implements CheckedBody {
  @Override
  public void check(FieldChecks checks) {
    checks.proof(method, code);
  }

  public Proof toProof() {
    return new Proof(Method.fromWireName(method).orElseThrow(), code);
  }

  @Override
  public String toString() {
    return "ProofRequest[method=" + method + ", code=***]";
  }
}
