package com.twofactor.aws.dynamodb;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link TwoFactorStore} on one DynamoDB item per user. Reads are strongly consistent; every write
 * is a single {@code PutItem} conditioned on the version that was read, so it is atomic and lost
 * races surface as {@link StaleStateException}. Thread-safe.
 */
@Singleton
public final class DynamoDbTwoFactorStore implements TwoFactorStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbTwoFactorStore(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.dynamoDb = dynamoDb;
    this.table = config.getTableName();
  }

  @Override
  public UserTwoFactor load(String userId) {
    try {
      GetItemResponse read =
          dynamoDb.getItem(
              r -> r.tableName(table).key(UserStateItem.key(userId)).consistentRead(true));
      return read.hasItem() ? UserStateItem.state(read.item()) : UserTwoFactor.empty(userId);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  @Override
  public UserTwoFactor save(UserTwoFactor state) {
    long next = state.version() + 1;
    try {
      dynamoDb.putItem(
          WriteCondition.versionIs(state.version())
              .putItem(table, UserStateItem.item(state, next)));
    } catch (ConditionalCheckFailedException lost) {
      throw new StaleStateException(state.userId(), state.version());
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
    return state.withVersion(next);
  }

  @Override
  public Map<String, UserTwoFactor> loadAll(Collection<String> userIds) {
    Map<String, UserTwoFactor> states = new HashMap<>();
    userIds.forEach(id -> states.put(id, UserTwoFactor.empty(id)));
    BatchReads.read(
        dynamoDb,
        table,
        userIds.stream().map(UserStateItem::key).toList(),
        item -> {
          UserTwoFactor state = UserStateItem.state(item);
          states.put(state.userId(), state);
        });
    return states;
  }
}
