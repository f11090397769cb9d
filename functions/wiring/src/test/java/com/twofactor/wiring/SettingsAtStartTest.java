package com.twofactor.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Settings that would misbehave stop the context at start-up, naming the setting. */
@Tag("unit")
class SettingsAtStartTest {

  @ParameterizedTest
  @CsvSource({
    "two-factor.issuer, ' '",
    "two-factor.max-failed-attempts, 0",
    "two-factor.sms.allowed-countries, ''",
    "two-factor.sms.per-number-short-max, 0",
    "two-factor.sms.per-number-long-max, 0",
    "two-factor.backup-codes.count, 4"
  })
  void aSettingOutsideItsBounds_stopsTheStart(String name, String value) {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = ApplicationContext.run(Map.of(name, value))) {
                context.getBean(TwoFactorConfiguration.class);
              }
            })
        .hasStackTraceContaining(name);
  }

  @ParameterizedTest
  @CsvSource({"two-factor.max-failed-attempts, 1", "two-factor.backup-codes.count, 5"})
  void theSmallestAllowedValues_start(String name, String value) {
    try (ApplicationContext context = ApplicationContext.run(Map.of(name, value))) {
      assertThat(context.getBean(TwoFactorConfiguration.class)).isNotNull();
    }
  }
}
