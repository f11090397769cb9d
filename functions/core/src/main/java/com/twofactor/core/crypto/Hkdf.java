package com.twofactor.core.crypto;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA256 (RFC 5869): extract a pseudorandom key from input keying material and a
 * salt, then expand it into as many bytes as asked, bound to {@code info}. Checked against the
 * RFC's test vectors. Stateless and thread-safe (a {@code Mac} per call).
 */
public final class Hkdf {
  private static final String HMAC = "HmacSHA256";
  private static final int HASH_BYTES = 32;

  private Hkdf() {}

  /**
   * {@code length} bytes of output keying material.
   *
   * @param salt optional; null or empty means a string of 32 zero bytes (RFC 5869 section 2.2)
   * @param length at most 255 * 32 bytes
   */
  public static byte[] derive(byte[] inputKeyMaterial, byte[] salt, byte[] info, int length) {
    byte[] prk = extract(salt, inputKeyMaterial);
    try {
      return expand(prk, info, length);
    } finally {
      Arrays.fill(prk, (byte) 0);
    }
  }

  static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
    byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_BYTES] : salt;
    return mac(effectiveSalt).doFinal(inputKeyMaterial);
  }

  static byte[] expand(byte[] prk, byte[] info, int length) {
    if (length < 1 || length > 255 * HASH_BYTES) {
      throw new IllegalArgumentException("HKDF-SHA256 gives 1 to 8160 bytes");
    }
    Mac mac = mac(prk);
    byte[] out = new byte[length];
    byte[] block = new byte[0];
    int written = 0;
    for (int counter = 1; written < length; counter++) {
      mac.update(block);
      mac.update(info == null ? new byte[0] : info);
      mac.update((byte) counter);
      block = mac.doFinal();
      int take = Math.min(block.length, length - written);
      System.arraycopy(block, 0, out, written, take);
      written += take;
    }
    Arrays.fill(block, (byte) 0);
    return out;
  }

  private static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(key, HMAC));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
