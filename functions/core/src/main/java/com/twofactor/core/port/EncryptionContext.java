package com.twofactor.core.port;

import java.util.Map;
import java.util.Objects;

/** Authenticated, non-secret data bound to a ciphertext: whose secret it is, and what for. */
public record EncryptionContext(String userId, Purpose purpose) {

  public EncryptionContext {
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(purpose, "purpose");
  }

  public static EncryptionContext of(String userId, Purpose purpose) {
    return new EncryptionContext(userId, purpose);
  }

  /** The context as key-value pairs, in the form KMS takes it. */
  public Map<String, String> asMap() {
    return Map.of("userId", userId, "purpose", purpose.wireName());
  }

  /** What a secret is for; part of the encryption context. */
  public enum Purpose {
    TOTP_SECRET("totp-secret"),
    PHONE_NUMBER("phone-number"),
    BACKUP_CODES("backup-codes");

    private final String wireName;

    Purpose(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
