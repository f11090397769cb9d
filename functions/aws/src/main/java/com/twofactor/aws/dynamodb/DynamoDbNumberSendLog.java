package com.twofactor.aws.dynamodb;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.NumberSends;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.StaleStateException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link NumberSendLog} on one DynamoDB item per number digest, in the service's table. Reads are
 * strongly consistent; every write is a single {@code PutItem} conditioned on the version read, as
 * for the user's state, so racing senders to one number cannot both take its last slot.
 * Thread-safe.
 */
@Singleton
public final class DynamoDbNumberSendLog implements NumberSendLog {
  private final DynamoDbTable<NumberSendsItem> table;

  public DynamoDbNumberSendLog(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.table =
        DynamoDbEnhancedClient.builder()
            .dynamoDbClient(dynamoDb)
            .build()
            .table(config.getTableName(), NumberSendsItem.SCHEMA);
  }

  @Override
  public NumberSends load(String numberDigest) {
    try {
      NumberSendsItem item =
          table.getItem(
              GetItemEnhancedRequest.builder().key(key(numberDigest)).consistentRead(true).build());
      return item == null ? NumberSends.none(numberDigest) : item.toSends(numberDigest);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  @Override
  public NumberSends save(NumberSends sends) {
    long next = sends.version() + 1;
    Expression condition = Conditions.versionIs(sends.version());
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(NumberSendsItem.class)
              .item(NumberSendsItem.from(sends, next))
              .conditionExpression(condition)
              .build());
    } catch (ConditionalCheckFailedException lost) {
      throw new StaleStateException(sends.numberDigest(), sends.version());
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
    return sends.withVersion(next);
  }

  private static Key key(String numberDigest) {
    return Key.builder()
        .partitionValue(NumberSendsItem.partitionKey(numberDigest))
        .sortValue(NumberSendsItem.SORT_KEY)
        .build();
  }
}
