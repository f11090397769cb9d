package com.twofactor.core.sms;

import com.twofactor.core.model.SmsCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Makes and checks 6-digit SMS codes. A code is drawn uniformly from {@code SecureRandom} when it
 * is sent, and only its salted SHA-256 is stored; checks compare digests in constant time.
 */
public final class SmsCodes {
  private static final int SALT_BYTES = 16;

  private SmsCodes() {}

  /** A fresh code and the record to store for it. */
  public record Issued(String code, SmsCode stored) {
    @Override
    public String toString() {
      return "Issued[" + stored + "]";
    }
  }

  public static Issued issue(SecureRandom random, SmsCode.Purpose purpose, Instant expiresAt) {
    String code = String.format("%06d", random.nextInt(1_000_000));
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    Base64.Encoder base64 = Base64.getEncoder();
    return new Issued(
        code,
        new SmsCode(
            purpose,
            base64.encodeToString(digest(salt, code)),
            base64.encodeToString(salt),
            expiresAt,
            0));
  }

  /** True when {@code code} is the one {@code stored} was issued for. Constant time. */
  public static boolean matches(SmsCode stored, String code) {
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(stored.hash());
    return MessageDigest.isEqual(expected, digest(base64.decode(stored.salt()), code));
  }

  private static byte[] digest(byte[] salt, String code) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(salt);
      return sha256.digest(code.getBytes(StandardCharsets.US_ASCII));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
