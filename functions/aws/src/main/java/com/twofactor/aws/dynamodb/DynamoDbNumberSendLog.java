package com.twofactor.aws.dynamodb;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.NumberSends;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.StaleStateException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link NumberSendLog} on one DynamoDB item per number digest, in the service's table. Reads are
 * strongly consistent; every write is a single {@code PutItem} conditioned on the version read, as
 * for the user's state, so racing senders to one number cannot both take its last slot.
 * Thread-safe.
 */
@Singleton
public final class DynamoDbNumberSendLog implements NumberSendLog {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbNumberSendLog(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.dynamoDb = dynamoDb;
    this.table = config.getTableName();
  }

  @Override
  public NumberSends load(String numberDigest) {
    try {
      GetItemResponse read =
          dynamoDb.getItem(
              r -> r.tableName(table).key(NumberSendsItem.key(numberDigest)).consistentRead(true));
      return read.hasItem()
          ? NumberSendsItem.sends(numberDigest, read.item())
          : NumberSends.none(numberDigest);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  @Override
  public NumberSends save(NumberSends sends) {
    long next = sends.version() + 1;
    try {
      dynamoDb.putItem(
          WriteCondition.versionIs(sends.version())
              .putItem(table, NumberSendsItem.item(sends, next)));
    } catch (ConditionalCheckFailedException lost) {
      throw new StaleStateException(sends.numberDigest(), sends.version());
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
    return sends.withVersion(next);
  }
}
