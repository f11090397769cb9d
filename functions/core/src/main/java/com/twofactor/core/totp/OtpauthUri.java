package com.twofactor.core.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The {@code otpauth://totp/...} URI of the Google Authenticator key-URI format, which
 * authenticator apps read from the QR code.
 */
public final class OtpauthUri {
  private OtpauthUri() {}

  public static String totp(String issuer, String accountName, byte[] secret, int digits) {
    String label = encode(issuer) + ":" + encode(accountName);
    return "otpauth://totp/"
        + label
        + "?secret="
        + Base32.encode(secret)
        + "&issuer="
        + encode(issuer)
        + "&algorithm=SHA1&digits="
        + digits
        + "&period="
        + Totp.TIME_STEP.getSeconds();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
