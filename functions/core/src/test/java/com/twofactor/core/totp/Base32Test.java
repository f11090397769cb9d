package com.twofactor.core.totp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("unit")
class Base32Test {

  /** RFC 4648 section 10, without the padding that otpauth URIs leave out. */
  @ParameterizedTest(name = "\"{0}\" -> {1}")
  @CsvSource({
    "f, MY",
    "fo, MZXQ",
    "foo, MZXW6",
    "foob, MZXW6YQ",
    "fooba, MZXW6YTB",
    "foobar, MZXW6YTBOI"
  })
  void encode_matchesRfc4648Vectors(String text, String base32) {
    assertThat(Base32.encode(text.getBytes(StandardCharsets.US_ASCII))).isEqualTo(base32);
    assertThat(Base32.decode(base32)).isEqualTo(text.getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void decode_ignoresCaseSpacesAndPadding() {
    assertThat(Base32.decode("mzxw 6ytb oi======"))
        .isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
  }

  @Test
  void decode_rejectsCharactersOutsideTheAlphabet() {
    assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
  }
}
