package com.twofactor.core.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} URI of the Google Authenticator key-URI format, which
 * authenticator apps read from the QR code.
 *
 * <p>The issuer and account name come from configuration and from the caller's token, so their
 * length is not ours to choose; each is shortened to a bound in code points, marked with an
 * ellipsis, so that even a label of four-byte characters (twelve URI characters each once
 * percent-encoded) keeps the URI well within what one QR code holds (see {@link #MAX_LENGTH}). Apps
 * only show the label; the secret and issuer parameters are what matter.
 *
 * <p>Stateless and thread-safe.
 */
public final class OtpauthUri {
  /** Code points kept of the account name (an e-mail address is at most 254 characters). */
  static final int MAX_ACCOUNT_NAME = 64;

  /** Code points kept of the issuer. */
  static final int MAX_ISSUER = 32;

  /**
   * The longest URI this class makes: label and issuer parameter at their bound, all four-byte
   * characters, with a 160-bit secret. QR version 40 at level M holds 2,331 bytes.
   */
  public static final int MAX_LENGTH = 1_700;

  private static final String ELLIPSIS = "\u2026";

  private OtpauthUri() {}

  public static String totp(String issuer, String accountName, byte[] secret, int digits) {
    String boundedIssuer = bounded(issuer, MAX_ISSUER);
    String label = encode(boundedIssuer) + ":" + encode(bounded(accountName, MAX_ACCOUNT_NAME));
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + encode(boundedIssuer)
        + "&algorithm=SHA1&digits="
        + digits
        + "&period="
        + Totp.TIME_STEP.getSeconds();
  }

  /** {@code value} cut to {@code max} code points (the last an ellipsis), never inside a pair. */
  static String bounded(String value, int max) {
    if (value.codePointCount(0, value.length()) <= max) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, max - 1)) + ELLIPSIS;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
