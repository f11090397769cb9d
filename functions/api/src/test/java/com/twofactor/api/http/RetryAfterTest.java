package com.twofactor.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code Retry-After} in whole seconds, never early: a client that waits it out is let in. */
@Tag("unit")
class RetryAfterTest {

  @ParameterizedTest(name = "{0} ms -> {1} s")
  @CsvSource({"900000, 900", "899500, 900", "1, 1", "0, 1", "86399001, 86400"})
  void roundsUpToWholeSeconds_andIsAtLeastOne(long millis, String seconds) {
    assertThat(Problems.retryAfterSeconds(Duration.ofMillis(millis))).isEqualTo(seconds);
  }
}
