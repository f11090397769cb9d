package com.twofactor.aws.testing;

import com.twofactor.aws.dynamodb.DynamoDbTwoFactorStore;
import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughput;

/**
 * A Micronaut context wired exactly as on Lambda (the AWS clients factory, the DynamoDB store, the
 * KMS cipher), pointed at dynalite and a {@link FakeKms}, with a fresh table and call-counting and
 * fault-injecting interceptors attached to every client.
 */
public final class AwsTestContext implements AutoCloseable {
  public final FakeKms kms = new FakeKms();
  public final CountingInterceptor calls = new CountingInterceptor();
  public final FaultInjector faults = new FaultInjector();
  public final ApplicationContext context;
  public final String tableName = "two-factor-" + UUID.randomUUID();

  public AwsTestContext() {
    this(Map.of());
  }

  public AwsTestContext(Map<String, Object> extraProperties) {
    Map<String, Object> properties = new HashMap<>(properties(tableName, kms));
    properties.putAll(extraProperties);
    context = ApplicationContext.builder().properties(properties).singletons(calls, faults).start();
    context
        .getBean(DynamoDbTwoFactorStore.class)
        .table()
        .createTable(
            CreateTableEnhancedRequest.builder()
                .provisionedThroughput(
                    ProvisionedThroughput.builder()
                        .readCapacityUnits(100L)
                        .writeCapacityUnits(100L)
                        .build())
                .build());
    calls.reset();
  }

  /** The properties that point the Lambda wiring at the emulators. */
  public static Map<String, Object> properties(String tableName, FakeKms kms) {
    return Map.of(
        "two-factor.aws.region",
        "us-east-1",
        "two-factor.aws.table-name",
        tableName,
        "two-factor.aws.kms-key-id",
        "alias/two-factor-test",
        "two-factor.aws.dynamodb-endpoint",
        Dynalite.endpoint().toString(),
        "two-factor.aws.kms-endpoint",
        kms.endpoint().toString(),
        "two-factor.aws.credentials",
        "emulator");
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
    kms.close();
  }
}
