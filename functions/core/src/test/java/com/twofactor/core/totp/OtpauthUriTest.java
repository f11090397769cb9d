package com.twofactor.core.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OtpauthUriTest {

  @Test
  void totp_followsTheKeyUriFormatWithEncodedLabel() {
    byte[] secret = "foobar".getBytes(StandardCharsets.US_ASCII);

    assertThat(OtpauthUri.totp("Acme Inc", "alice@example.com", secret, 6))
        .isEqualTo(
            "otpauth://totp/Acme%20Inc:alice%40example.com?secret=MZXW6YTBOI"
                + "&issuer=Acme%20Inc&algorithm=SHA1&digits=6&period=30");
  }
}
