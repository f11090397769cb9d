package com.twofactor.core.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * A secret key mixed into stored hashes (the backup codes'), kept out of the table: with a copy of
 * the table alone, a hash cannot be checked against a guess. {@code version} is the branch-key
 * version it was derived from, stored beside the hashes so they stay checkable after a rotation.
 * Immutable and thread-safe (a {@code Mac} per call); {@link #toString()} never shows the key.
 */
public record Pepper(int version, SecretKey key) {

  /** HMAC-SHA256 of {@code hash} under the pepper. */
  public byte[] apply(byte[] hash) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(hash);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return "Pepper[version=" + version + "]";
  }
}
