package com.twofactor.core.service;

import java.time.Instant;

/**
 * A started TOTP set-up, shown once to the user who started it.
 *
 * @param secret the base32 secret, for typing into an app by hand
 * @param otpauthUri the key URI the QR code carries
 * @param qrCode a {@code data:image/svg+xml;base64,...} URI of the QR code
 */
public record TotpSetup(String secret, String otpauthUri, String qrCode, Instant expiresAt) {
  @Override
  public String toString() {
    return "TotpSetup[expiresAt=" + expiresAt + "]";
  }
}
