package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class StoredInstantsTest {
  private static final long YEAR_0 = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
  private static final long YEAR_10000 = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();

  @Test
  void readsWhatInstantToStringWrote_asInstantParseDoes_acrossYearsZeroTo9999AndEveryPrecision() {
    SplittableRandom random = new SplittableRandom(20261129);
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(YEAR_0, YEAR_10000);
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1_000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1_000;
            default -> random.nextInt(1_000_000_000);
          };
      String text = Instant.ofEpochSecond(seconds, nanos).toString();

      assertThat(StoredInstants.parse(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-11-29T14:29:10Z",
        "2026-11-29T14:29:10.1Z",
        "2026-11-29T14:29:10.12Z",
        "2026-11-29T14:29:10.1234Z",
        "2026-11-29T14:29:10.12345678Z",
        "2026-11-29T14:29:10.123456789Z",
        "2024-02-29T23:59:59.999999999Z",
        "0000-01-01T00:00:00Z",
        "9999-12-31T23:59:59.999999999Z",
        "1969-12-31T23:59:59.5Z",
        // Not the plain form: Instant.parse reads them, and so must this.
        "2026-11-29t14:29:10z",
        "2026-11-29T14:29:10.Z",
        "2026-11-29T24:00:00Z",
        "2026-11-29T23:59:60Z",
        "+10000-01-01T00:00:00Z",
        "2026-11-29T14:29:10+01:00"
      })
  void givesWhatInstantParseGives(String text) {
    assertThat(StoredInstants.parse(text)).isEqualTo(Instant.parse(text));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-11-29",
        "2026-11-29T14:29:10",
        "2026-11-29T14:29:10.1234567890Z",
        "2026-02-30T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-11-29T14:60:00Z",
        "2026-11-29T14:29:1xZ",
        "2026-11-29T14:29:10.12a4Z",
        "2026-11-29T14:29:10.١٢Z",
        "２026-11-29T14:29:10Z",
        "2026/11/29T14:29:10Z"
      })
  void refusesWhatInstantParseRefuses_withItsException(String text) {
    Throwable expected = catchThrowable(() -> Instant.parse(text));
    Throwable thrown = catchThrowable(() -> StoredInstants.parse(text));

    assertThat(expected).as("Instant.parse(%s)", text).isNotNull();
    assertThat(thrown).isExactlyInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
  }
}
