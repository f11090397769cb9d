package com.twofactor.aws.dynamodb;

import com.twofactor.core.DependencyUnavailableException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Strongly consistent batch reads of items of any kind, 100 keys per BatchGetItem (DynamoDB's
 * limit), re-asking for the keys DynamoDB left unprocessed, at most {@value #MAX_ROUNDS} calls per
 * 100 keys: a table that keeps leaving keys unprocessed (throttled) fails the read as unavailable
 * instead of holding the invocation until Lambda's timeout.
 *
 * <p>Stateless and thread-safe.
 */
final class BatchReads {
  private static final int MAX_KEYS = 100;
  static final int MAX_ROUNDS = 8;

  private BatchReads() {}

  /** Hands every item found to {@code found}, in no particular order; absent keys are skipped. */
  static void read(
      DynamoDbClient dynamoDb,
      String table,
      List<Map<String, AttributeValue>> keys,
      Consumer<Map<String, AttributeValue>> found) {
    try {
      for (int from = 0; from < keys.size(); from += MAX_KEYS) {
        Map<String, KeysAndAttributes> pending =
            Map.of(
                table,
                KeysAndAttributes.builder()
                    .keys(keys.subList(from, Math.min(keys.size(), from + MAX_KEYS)))
                    .consistentRead(true)
                    .build());
        for (int round = 0; !pending.isEmpty(); round++) {
          if (round == MAX_ROUNDS) {
            throw new DependencyUnavailableException(
                "DynamoDB BatchGetItem", new IllegalStateException("keys left unprocessed"));
          }
          Map<String, KeysAndAttributes> request = pending;
          BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
          response.responses().getOrDefault(table, List.of()).forEach(found);
          pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
        }
      }
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB BatchGetItem", e);
    }
  }
}
