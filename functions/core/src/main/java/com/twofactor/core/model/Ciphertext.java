package com.twofactor.core.model;

import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque bytes produced by a {@code SecretCipher}. Immutable; {@link #toString()} never shows the
 * content, so a ciphertext logged by accident reveals nothing usable.
 */
public final class Ciphertext {
  private final byte[] bytes;

  private Ciphertext(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      throw new IllegalArgumentException("ciphertext must not be empty");
    }
    this.bytes = bytes.clone();
  }

  public static Ciphertext of(byte[] bytes) {
    return new Ciphertext(bytes);
  }

  public static Ciphertext fromBase64(String base64) {
    return new Ciphertext(Base64.getDecoder().decode(base64));
  }

  public byte[] bytes() {
    return bytes.clone();
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Ciphertext that && Arrays.equals(bytes, that.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public String toString() {
    return "Ciphertext[" + bytes.length + " bytes]";
  }
}
