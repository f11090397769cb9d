package com.twofactor.core.totp;

import static org.assertj.core.api.Assertions.assertThat;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class TotpTest {
  /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII string "12345678901234567890". */
  private static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T={0}s -> {1}")
  @CsvSource({
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void codeAt_matchesRfc6238AppendixBVectors(long epochSeconds, String expected) {
    assertThat(new Totp(8).codeAt(RFC_SEED, Instant.ofEpochSecond(epochSeconds)))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "T={0}s -> {1}")
  @CsvSource({"59, 287082", "1111111109, 081804", "1234567890, 005924"})
  void codeAt_sixDigitCodesAreTheLowDigitsOfTheVectorsZeroPadded(long epochSeconds, String code) {
    assertThat(new Totp().codeAt(RFC_SEED, Instant.ofEpochSecond(epochSeconds))).isEqualTo(code);
  }

  @ParameterizedTest(name = "{0} digits")
  @ValueSource(ints = {6, 7, 8})
  void codeAt_isTheLibrarysOwnZeroPaddedStringForAThousandSteps(int digits) throws Exception {
    TimeBasedOneTimePasswordGenerator library =
        new TimeBasedOneTimePasswordGenerator(
            Totp.TIME_STEP, digits, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);
    SecretKeySpec key = new SecretKeySpec(RFC_SEED, "HmacSHA1");
    Totp totp = new Totp(digits);
    for (long step = 0; step < 1_000; step++) {
      Instant at = Instant.ofEpochSecond(1_700_000_000L + 30 * step);

      assertThat(totp.codeAt(RFC_SEED, at))
          .isEqualTo(library.generateOneTimePasswordString(key, at, Locale.ROOT));
    }
  }

  @Test
  void stepAt_isUnixSecondsDividedByThirty() {
    assertThat(Totp.stepAt(Instant.ofEpochSecond(59))).isEqualTo(1);
    assertThat(Totp.stepAt(Instant.ofEpochSecond(60))).isEqualTo(2);
    assertThat(Totp.stepAt(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523EC);
  }

  @ParameterizedTest(name = "offset {0} steps")
  @CsvSource({"-1", "0", "1"})
  void matchingStep_acceptsOneStepOfDriftEitherWay(int offset) {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Totp totp = new Totp();
    String code = totp.codeAt(RFC_SEED, now.plusSeconds(30L * offset));

    assertThat(totp.matchingStep(RFC_SEED, code, now, -1)).hasValue(Totp.stepAt(now) + offset);
  }

  @ParameterizedTest(name = "offset {0} steps")
  @CsvSource({"-3", "-2", "2", "3"})
  void matchingStep_rejectsCodesFurtherAway(int offset) {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Totp totp = new Totp();
    String code = totp.codeAt(RFC_SEED, now.plusSeconds(30L * offset));

    assertThat(totp.matchingStep(RFC_SEED, code, now, -1)).isEmpty();
  }

  @Test
  void matchingStep_rejectsAStepAlreadyUsed() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Totp totp = new Totp();
    String code = totp.codeAt(RFC_SEED, now);
    long step = Totp.stepAt(now);

    assertThat(totp.matchingStep(RFC_SEED, code, now, step)).isEmpty();
    assertThat(totp.matchingStep(RFC_SEED, code, now, step + 1)).isEmpty();
    assertThat(totp.matchingStep(RFC_SEED, code, now, step - 1)).hasValue(step);
  }

  @Test
  void matchingStep_rejectsAWrongCode() {
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    Totp totp = new Totp();
    String right = totp.codeAt(RFC_SEED, now);
    String wrong = right.equals("000000") ? "000001" : "000000";

    assertThat(totp.matchingStep(RFC_SEED, wrong, now, -1)).isEmpty();
  }

  @Test
  void newSecret_is160BitsFromTheGivenRandom() {
    byte[] first = Totp.newSecret(new java.security.SecureRandom());
    byte[] second = Totp.newSecret(new java.security.SecureRandom());

    assertThat(first).hasSize(20);
    assertThat(first).isNotEqualTo(second);
  }
}
