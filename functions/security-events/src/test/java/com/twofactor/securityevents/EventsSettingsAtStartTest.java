package com.twofactor.securityevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Event settings that would misbehave stop the context at start-up, naming the setting. */
@Tag("unit")
class EventsSettingsAtStartTest {

  @ParameterizedTest
  @CsvSource({
    "two-factor.events.bus-name, ' '",
    "two-factor.events.source, ' '",
    "two-factor.events.attempts, 0",
    "two-factor.events.attempts, 6"
  })
  void aSettingOutsideItsBounds_stopsTheStart(String name, String value) {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = ApplicationContext.run(Map.of(name, value))) {
                context.getBean(EventsConfiguration.class);
              }
            })
        .hasStackTraceContaining(name);
  }

  @ParameterizedTest
  @CsvSource({"two-factor.events.attempts, 1", "two-factor.events.attempts, 5"})
  void theBoundsThemselves_start(String name, String value) {
    try (ApplicationContext context = ApplicationContext.run(Map.of(name, value))) {
      assertThat(context.getBean(EventsConfiguration.class).getAttempts())
          .isEqualTo(Integer.parseInt(value));
    }
  }
}
