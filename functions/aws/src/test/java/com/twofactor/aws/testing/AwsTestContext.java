package com.twofactor.aws.testing;

import com.twofactor.aws.dynamodb.TableDefinition;
import io.micronaut.context.ApplicationContext;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A Micronaut context wired exactly as on Lambda (the AWS clients factory, the DynamoDB store, the
 * KMS cipher), pointed at emulators (by default dynalite and a {@link FakeKms}), with a fresh table
 * and call-counting and fault-injecting interceptors attached to every client.
 */
public final class AwsTestContext implements AutoCloseable {
  /** The in-memory KMS, or null when the context uses another KMS endpoint. */
  public final FakeKms kms;

  /** The SNS endpoint every context publishes to. */
  public final FakeSns sns = new FakeSns();

  public final CountingInterceptor calls = new CountingInterceptor();
  public final FaultInjector faults = new FaultInjector();
  public final ApplicationContext context;
  public final String tableName = "two-factor-" + UUID.randomUUID();
  private final Map<String, Object> properties;

  public AwsTestContext() {
    this(Map.of());
  }

  /** With extra configuration, such as SMS sender settings. */
  public AwsTestContext(Map<String, Object> extraProperties) {
    this(new FakeKms(), extraProperties);
  }

  private AwsTestContext(FakeKms kms, Map<String, Object> extraProperties) {
    this(Dynalite.endpoint(), kms.endpoint(), "alias/two-factor-test", kms, extraProperties);
  }

  /** A context on other endpoints, such as LocalStack's, with an existing KMS key. */
  public AwsTestContext(URI dynamoDb, URI kmsEndpoint, String kmsKeyId) {
    this(dynamoDb, kmsEndpoint, kmsKeyId, null, Map.of());
  }

  private AwsTestContext(
      URI dynamoDb,
      URI kmsEndpoint,
      String kmsKeyId,
      FakeKms kms,
      Map<String, Object> extraProperties) {
    this.kms = kms;
    Map<String, Object> all = new HashMap<>(extraProperties);
    all.put("two-factor.aws.region", "us-east-1");
    all.put("two-factor.aws.table-name", tableName);
    all.put("two-factor.aws.kms-key-id", kmsKeyId);
    all.put("two-factor.aws.dynamodb-endpoint", dynamoDb.toString());
    all.put("two-factor.aws.kms-endpoint", kmsEndpoint.toString());
    all.put("two-factor.aws.sns-endpoint", sns.endpoint().toString());
    all.put("two-factor.aws.credentials", "emulator");
    this.properties = Map.copyOf(all);
    context = ApplicationContext.builder().properties(properties).singletons(calls, faults).start();
    context.getBean(DynamoDbClient.class).createTable(TableDefinition.createRequest(tableName));
    calls.reset();
  }

  /** The properties that point the Lambda wiring at this context's emulators and table. */
  public Map<String, Object> properties() {
    return properties;
  }

  /** Whether a bean of {@code type} has been built (the context builds singletons on first use). */
  public boolean built(Class<?> type) {
    return !context.getActiveBeanRegistrations(type).isEmpty();
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  /** The table's item under {@code pk}/{@code sk} as DynamoDB stores it (empty if none). */
  public Map<String, AttributeValue> storedItem(String pk, String sk) {
    return bean(DynamoDbClient.class)
        .getItem(
            r ->
                r.tableName(tableName)
                    .key(Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk))))
        .item();
  }

  @Override
  public void close() {
    context.close();
    sns.close();
    if (kms != null) {
      kms.close();
    }
  }
}
