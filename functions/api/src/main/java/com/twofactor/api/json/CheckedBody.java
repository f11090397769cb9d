package com.twofactor.api.json;

/**
 * A request body that knows the contract's checks of its fields; controllers take it through {@link
 * FieldChecks#valid}. Implementations are immutable records, so thread-safe.
 */
public interface CheckedBody {

  /** Adds this body's checks (nested bodies through {@link FieldChecks#nested}). */
  void check(FieldChecks checks);
}
