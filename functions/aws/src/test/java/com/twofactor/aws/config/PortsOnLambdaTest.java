package com.twofactor.aws.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.dynamodb.DynamoDbTwoFactorStore;
import com.twofactor.aws.sns.SnsSmsSender;
import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.SmsSender;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import io.micronaut.context.ApplicationContext;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The in-memory ports can never be switched on inside a Lambda function. */
@Tag("unit")
class PortsOnLambdaTest {

  @Test
  void inMemoryPorts_areIgnoredOnLambdaEvenWhenConfigured() {
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "two-factor.ports", "in-memory",
                "aws.lambda.function.name", "two-factor-prod-verification"))) {
      assertThat(context.getBean(TwoFactorStore.class)).isInstanceOf(DynamoDbTwoFactorStore.class);
      assertThat(context.getBean(SecretCipher.class)).isInstanceOf(BranchKeySecretCipher.class);
      assertThat(context.getBean(SmsSender.class)).isInstanceOf(SnsSmsSender.class);
    }
  }

  @Test
  void inMemoryPorts_serveTestsAndTheDevServerOffLambda() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("two-factor.ports", "in-memory"))) {
      assertThat(context.getBean(TwoFactorStore.class)).isInstanceOf(InMemoryTwoFactorStore.class);
    }
  }
}
