package com.twofactor.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.config.AwsConfiguration.Credentials;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;

/** The credentials provider follows what the Lambda runtime hands the function. */
@Tag("unit")
class CredentialsSourceTest {

  @Test
  void snapStartRuntime_withACredentialsEndpoint_usesTheContainerProvider() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "two-factor.aws.container-credentials-full-uri",
                "http://127.0.0.1:9001/2021-04-23/credentials"))) {
      assertThat(context.getBean(AwsConfiguration.class).getCredentials())
          .isEqualTo(Credentials.CONTAINER);
    }
    assertThat(AwsClientsFactory.provider(Credentials.CONTAINER))
        .isInstanceOf(ContainerCredentialsProvider.class);
  }

  @Test
  void onDemandRuntime_withoutAnEndpoint_usesTheEnvironmentKeys() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("two-factor.aws.container-credentials-full-uri", ""))) {
      assertThat(context.getBean(AwsConfiguration.class).getCredentials())
          .isEqualTo(Credentials.ENVIRONMENT);
    }
    assertThat(AwsClientsFactory.provider(Credentials.ENVIRONMENT))
        .isInstanceOf(EnvironmentVariableCredentialsProvider.class);
  }

  @Test
  void explicitSource_winsOverTheEndpoint() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "two-factor.aws.container-credentials-full-uri", "http://127.0.0.1:9001/c",
                "two-factor.aws.credentials", "emulator"))) {
      assertThat(context.getBean(AwsConfiguration.class).getCredentials())
          .isEqualTo(Credentials.EMULATOR);
    }
  }
}
