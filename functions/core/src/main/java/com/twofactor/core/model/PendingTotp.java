package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A TOTP set-up that waits for its confirmation code. It lives beside, never instead of, an active
 * factor, and stops counting once {@code expiresAt} has passed.
 */
public record PendingTotp(Ciphertext secret, Instant expiresAt) {
  public PendingTotp {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
