package com.twofactor.core.sms;

import com.twofactor.core.port.PhoneNumberDigest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/**
 * {@link PhoneNumberDigest} as HMAC-SHA256 of the E.164 number under a per-deployment key,
 * base64url without padding. The key is asked for on every digest, so its holder decides when to
 * fetch it (lazily, once per instance); nothing is fetched when this object is built. Thread-safe:
 * a {@link Mac} is made per call.
 */
public final class HmacPhoneNumberDigest implements PhoneNumberDigest {
  private static final String ALGORITHM = "HmacSHA256";

  private final Supplier<SecretKey> key;

  public HmacPhoneNumberDigest(Supplier<SecretKey> key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public String digest(String e164) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key.get());
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }

  @Override
  public String toString() {
    return "HmacPhoneNumberDigest";
  }
}
