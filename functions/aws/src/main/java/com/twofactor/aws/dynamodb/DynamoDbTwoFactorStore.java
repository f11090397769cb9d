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
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link TwoFactorStore} on one DynamoDB item per user. Reads are strongly consistent; every write
 * is a single {@code PutItem} conditioned on the version that was read, so it is atomic and lost
 * races surface as {@link StaleStateException}. Thread-safe.
 */
@Singleton
public final class DynamoDbTwoFactorStore implements TwoFactorStore {
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbTable<EnhancedDocument> table;

  public DynamoDbTwoFactorStore(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    this.table = enhanced.table(config.getTableName(), UserStateItem.SCHEMA);
  }

  @Override
  public UserTwoFactor load(String userId) {
    try {
      EnhancedDocument item =
          table.getItem(
              GetItemEnhancedRequest.builder().key(key(userId)).consistentRead(true).build());
      return item == null ? UserTwoFactor.empty(userId) : UserStateItem.toState(item);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  @Override
  public UserTwoFactor save(UserTwoFactor state) {
    long next = state.version() + 1;
    Expression condition = Conditions.versionIs(state.version());
    try {
      table.putItem(
          PutItemEnhancedRequest.builder(EnhancedDocument.class)
              .item(UserStateItem.from(state, next))
              .conditionExpression(condition)
              .build());
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
        enhanced,
        table,
        EnhancedDocument.class,
        userIds.stream().map(DynamoDbTwoFactorStore::key).toList(),
        item -> {
          UserTwoFactor state = UserStateItem.toState(item);
          states.put(state.userId(), state);
        });
    return states;
  }

  private static Key key(String userId) {
    return Key.builder()
        .partitionValue(UserStateItem.partitionKey(userId))
        .sortValue(UserStateItem.SORT_KEY)
        .build();
  }
}
