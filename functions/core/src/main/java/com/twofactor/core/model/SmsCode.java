package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The one outstanding SMS code of a user, stored only as a salted hash (DESIGN.md rule 3). A new
 * code replaces the previous one; a used, expired or exhausted code is gone.
 *
 * @param purpose what the code proves: possession of a phone being set up, or a sign-in
 * @param hash base64 of SHA-256(salt || code)
 * @param salt base64 of 16 random bytes
 * @param attempts wrong tries so far; the code dies at the limit
 */
public record SmsCode(Purpose purpose, String hash, String salt, Instant expiresAt, int attempts) {
  public SmsCode {
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  public boolean isLiveAt(Instant now) {
    return now.isBefore(expiresAt);
  }

  public SmsCode withAttempts(int value) {
    return new SmsCode(purpose, hash, salt, expiresAt, value);
  }

  /** What an SMS code is for. */
  public enum Purpose {
    /** Confirms the pending phone. */
    ENROLLMENT,
    /** Proves the second factor with the active phone. */
    SIGN_IN
  }

  @Override
  public String toString() {
    return "SmsCode[" + purpose + ", expiresAt=" + expiresAt + ", attempts=" + attempts + "]";
  }
}
