package com.twofactor.core.service;

import com.twofactor.core.model.Method;
import java.util.Objects;

/** A fresh second-factor proof that a sensitive change asks for: a method and its code. */
public record Proof(Method method, String code) {
  public Proof {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(code, "code");
  }

  @Override
  public String toString() {
    return "Proof[" + method.wireName() + "]";
  }
}
