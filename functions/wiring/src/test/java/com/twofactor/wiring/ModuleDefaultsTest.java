package com.twofactor.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class ModuleDefaultsTest {

  @Test
  void sharedDefaults_applyWhereApplicationPropertiesSaysNothing() {
    try (ApplicationContext context = ApplicationContext.run()) {
      TwoFactorConfiguration config = context.getBean(TwoFactorConfiguration.class);

      assertThat(config.getSms().getAllowedCountries())
          .containsExactly("US", "CA", "GB", "DE", "FR");
      assertThat(context.getProperty("two-factor.aws.table-name", String.class))
          .hasValue("two-factor");
    }
  }

  @Test
  void applicationProperties_overridesASharedDefault() {
    try (ApplicationContext context = ApplicationContext.run()) {
      assertThat(context.getBean(TwoFactorConfiguration.class).getIssuer())
          .isEqualTo("From application.properties");
    }
  }
}
