package com.twofactor.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * The one outstanding SMS code of a user, stored only as a salted hash (docs/security-rules.md rule
 * 3). A new code replaces the previous one; a used, expired or exhausted code is gone. A code is
 * drawn uniformly from {@code SecureRandom} when it is sent ({@link #issue}); checks compare
 * digests in constant time ({@link #matches}). Immutable.
 *
 * @param purpose what the code proves: possession of a phone being set up, or a sign-in
 * @param hash base64 of SHA-256(salt || code)
 * @param salt base64 of 16 random bytes
 * @param attempts wrong tries so far; the code dies at the limit
 */
public record SmsCode(Purpose purpose, String hash, String salt, Instant expiresAt, int attempts) {
  private static final int SALT_BYTES = 16;

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

  /** A fresh code, to be sent once, and the record to store for it. */
  public record Issued(String code, SmsCode stored) {
    @Override
    public String toString() {
      return "Issued[" + stored + "]";
    }
  }

  /** Draws a 6-digit code and makes its stored record (salted SHA-256, no tries yet). */
  public static Issued issue(SecureRandom random, Purpose purpose, Instant expiresAt) {
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

  /** True when {@code code} is the one this record was issued for. Constant time. */
  public boolean matches(String code) {
    Base64.Decoder base64 = Base64.getDecoder();
    byte[] expected = base64.decode(hash);
    return MessageDigest.isEqual(expected, digest(base64.decode(salt), code));
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
