package com.twofactor.aws.snapstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.config.RuntimeCredentialsProvider;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.CountingInterceptor;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("dynalite")
class InitTimePrimingTest {

  @Test
  void lambdaContext_startsPrimingWhileItStarts_andSendsNothing() {
    try (AwsTestContext aws = new AwsTestContext()) {
      CountingInterceptor calls = new CountingInterceptor();
      try (ApplicationContext lambda = lambdaContext(aws, calls)) {
        PrimingRun run = lambda.getBean(PrimingRun.class);
        assertThat(run.started()).isTrue();

        assertThat(run.awaitPrimed()).isTrue();

        assertThat(calls.calls()).containsExactlyInAnyOrder("DynamoDb.GetItem", "Kms.Decrypt");
        assertThat(aws.kms.requests()).isEmpty();
        assertThat(lambda.getBean(RuntimeCredentialsProvider.class).holdsProvider()).isFalse();
      }
    }
  }

  @Test
  void contextsOffLambda_primeNothingUntilASnapshot() {
    try (AwsTestContext aws = new AwsTestContext()) {
      assertThat(aws.bean(PrimingRun.class).started()).isFalse();
      assertThat(aws.calls.calls()).isEmpty();
    }
  }

  @Test
  void primingAtInit_canBeSwitchedOff() {
    try (AwsTestContext aws = new AwsTestContext()) {
      CountingInterceptor calls = new CountingInterceptor();
      try (ApplicationContext lambda =
          ApplicationContext.builder()
              .environments("lambda")
              .properties(aws.properties())
              .properties(java.util.Map.of("two-factor.priming.at-init", "false"))
              .singletons(calls)
              .start()) {
        assertThat(lambda.getBean(PrimingRun.class).started()).isFalse();
        assertThat(calls.calls()).isEmpty();
      }
    }
  }

  private static ApplicationContext lambdaContext(AwsTestContext aws, CountingInterceptor calls) {
    return ApplicationContext.builder()
        .environments("lambda")
        .properties(aws.properties())
        .singletons(calls)
        .start();
  }
}
