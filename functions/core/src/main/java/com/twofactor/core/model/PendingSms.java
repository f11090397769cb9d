package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A phone waiting for its confirmation code. It lives beside an active phone (when the user
 * replaces one) and never changes it until confirmed.
 */
public record PendingSms(Ciphertext phone, String phoneHint, Instant expiresAt) {
  public PendingSms {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(phoneHint, "phoneHint");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
