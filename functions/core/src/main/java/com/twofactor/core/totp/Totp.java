package com.twofactor.core.totp;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords: HMAC-SHA1, 30-second steps, codes of {@code digits}
 * digits, one step of clock drift accepted either way.
 *
 * <p>Thread-safe: the underlying generator clones its {@code Mac} for every call.
 */
public final class Totp {
  /** RFC 4226 section 4 asks for at least 128 bits and recommends 160: the HMAC-SHA1 block. */
  public static final int SECRET_BYTES = 20;

  public static final Duration TIME_STEP = Duration.ofSeconds(30);
  public static final int DEFAULT_DIGITS = 6;

  /** Steps accepted either side of the current one (RFC 6238 section 5.2 allows one). */
  private static final int DRIFT_STEPS = 1;

  private final TimeBasedOneTimePasswordGenerator generator;
  private final int digits;

  public Totp() {
    this(DEFAULT_DIGITS);
  }

  public Totp(int digits) {
    this.digits = digits;
    this.generator =
        new TimeBasedOneTimePasswordGenerator(
            TIME_STEP, digits, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
  }

  /** A new secret, drawn when this is called, never ahead of time. */
  public static byte[] newSecret(SecureRandom random) {
    byte[] secret = new byte[SECRET_BYTES];
    random.nextBytes(secret);
    return secret;
  }

  /** The RFC 6238 time step containing {@code instant}: floor(unix seconds / 30). */
  public static long stepAt(Instant instant) {
    return Math.floorDiv(instant.getEpochSecond(), TIME_STEP.getSeconds());
  }

  public int digits() {
    return digits;
  }

  /**
   * The code for the step containing {@code instant}, zero-padded to {@link #digits()} ASCII digits
   * (padded here rather than by the generator's {@code String.format}, which took about 0.1 ms of a
   * warm TOTP verify's three codes under C1; the tests hold it to the generator's own strings).
   */
  public String codeAt(byte[] secret, Instant instant) {
    int code;
    try {
      code = generator.generateOneTimePassword(key(secret), instant);
    } catch (InvalidKeyException e) {
      throw new IllegalArgumentException("unusable TOTP secret", e);
    }
    char[] padded = new char[digits];
    for (int i = digits - 1; i >= 0; i--) {
      padded[i] = (char) ('0' + code % 10);
      code /= 10;
    }
    return new String(padded);
  }

  /**
   * Finds the time step whose code equals {@code code}, among the current step and one either side,
   * skipping every step at or below {@code lastUsedStep} so that a code is accepted at most once.
   * All candidates are computed and compared in constant time, whatever matches.
   *
   * @return the matching step, or empty when the code is wrong, expired or already used
   */
  public OptionalLong matchingStep(byte[] secret, String code, Instant now, long lastUsedStep) {
    byte[] given = code.getBytes(StandardCharsets.US_ASCII);
    long current = stepAt(now);
    long matched = -1;
    for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
      byte[] expected =
          codeAt(secret, Instant.ofEpochSecond(step * TIME_STEP.getSeconds()))
              .getBytes(StandardCharsets.US_ASCII);
      boolean equal = MessageDigest.isEqual(expected, given);
      if (equal && step > lastUsedStep) {
        matched = step;
      }
    }
    return matched >= 0 ? OptionalLong.of(matched) : OptionalLong.empty();
  }

  private static SecretKeySpec key(byte[] secret) {
    return new SecretKeySpec(secret, "HmacSHA1");
  }
}
