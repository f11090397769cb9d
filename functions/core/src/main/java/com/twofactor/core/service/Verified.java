package com.twofactor.core.service;

import com.twofactor.core.model.Method;
import java.util.OptionalInt;

/** A successful verification: the method used, and for a backup code how many are left. */
public record Verified(Method method, OptionalInt backupCodesRemaining) {
  static Verified by(Method method) {
    return new Verified(method, OptionalInt.empty());
  }
}
