package com.twofactor.core;

/**
 * A stored ciphertext could not be opened for this user and purpose: it was tampered with, moved
 * from another record, or encrypted under another key. Nothing is granted (fail closed).
 */
public final class SecretIntegrityException extends TwoFactorException {
  private static final long serialVersionUID = 1L;

  public SecretIntegrityException(Throwable cause) {
    super(
        ErrorCode.INTERNAL_ERROR,
        "Stored two-factor data could not be verified; nothing was granted.",
        null,
        cause);
  }
}
