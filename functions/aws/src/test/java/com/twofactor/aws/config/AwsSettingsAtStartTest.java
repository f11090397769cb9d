package com.twofactor.aws.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A blank AWS setting stops the context at start-up, naming the setting. */
@Tag("unit")
class AwsSettingsAtStartTest {

  @ParameterizedTest
  @ValueSource(
      strings = {"two-factor.aws.region", "two-factor.aws.table-name", "two-factor.aws.kms-key-id"})
  void aBlankSetting_stopsTheStart(String name) {
    assertThatThrownBy(
            () -> {
              try (ApplicationContext context = ApplicationContext.run(Map.of(name, " "))) {
                context.getBean(AwsConfiguration.class);
              }
            })
        .hasStackTraceContaining(name + " must not be blank");
  }

  @Test
  void aLambdaContext_refusesABlankSettingWhileItStarts_notAtTheFirstRequest() {
    // Lambda contexts build their singletons on first use but their settings eagerly.
    assertThatThrownBy(
            () ->
                LambdaContexts.builder()
                    .properties(
                        Map.of(
                            "two-factor.aws.table-name",
                            " ",
                            "two-factor.priming.at-init",
                            "false"))
                    .start()
                    .close())
        .hasStackTraceContaining("two-factor.aws.table-name must not be blank");
  }
}
