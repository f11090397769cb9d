package com.twofactor.core.totp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OtpauthUriTest {

  @Test
  void totp_followsTheKeyUriFormatWithEncodedLabel() {
    byte[] secret = "foobar".getBytes(StandardCharsets.US_ASCII);

    assertThat(OtpauthUri.totp("Acme Inc", "alice@example.com", secret, 6))
        .isEqualTo(
            "otpauth://totp/Acme%20Inc:alice%40example.com?secret=MZXW6YTBOI"
                + "&issuer=Acme%20Inc&algorithm=SHA1&digits=6&period=30");
  }

  @Test
  void totp_shortensALongAccountNameSoTheUriStaysSmall() {
    String email = "a".repeat(2_188) + "@example.com";

    String uri = OtpauthUri.totp("Acme", email, new byte[20], 6);

    assertThat(uri)
        .startsWith(
            "otpauth://totp/Acme:" + "a".repeat(OtpauthUri.MAX_ACCOUNT_NAME - 1) + "%E2%80%A6?")
        .hasSizeLessThan(250);
  }

  @Test
  void totp_neverExceedsItsBoundEvenWithFourByteCharacters() {
    String emoji = "\uD83D\uDE00";
    String uri = OtpauthUri.totp(emoji.repeat(500), emoji.repeat(5_000), new byte[20], 6);

    assertThat(uri).hasSizeLessThanOrEqualTo(OtpauthUri.MAX_LENGTH);
    assertThat(QrCodeSvg.matrix(uri).getWidth()).isPositive();
  }

  @Test
  void bounded_neverSplitsASurrogatePair() {
    String emoji = "\uD83D\uDE00";

    String cut = OtpauthUri.bounded("x" + emoji.repeat(10), 3);

    assertThat(cut).isEqualTo("x" + emoji + "\u2026");
  }
}
