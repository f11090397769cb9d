package com.twofactor.api.json;

import com.twofactor.core.service.TotpSetup;
import io.micronaut.serde.annotation.Serdeable;

/** POST /two-factor/totp: the new secret, shown this once. */
@Serdeable
public record TotpSetupResponse(String secret, String otpauthUri, String qrCode, String expiresAt) {
  public static TotpSetupResponse from(TotpSetup setup) {
    return new TotpSetupResponse(
        setup.secret(), setup.otpauthUri(), setup.qrCode(), setup.expiresAt().toString());
  }

  @Override
  public String toString() {
    return "TotpSetupResponse[expiresAt=" + expiresAt + "]";
  }
}
