package com.twofactor.aws.dynamodb;

import com.twofactor.core.DependencyUnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;

/**
 * Strongly consistent batch reads, 100 keys per BatchGetItem (DynamoDB's limit); the enhanced
 * client's result pages re-request unprocessed keys.
 *
 * <p>Stateless and thread-safe.
 */
final class BatchReads {
  private static final int MAX_KEYS = 100;

  private BatchReads() {}

  static <T> void read(
      DynamoDbEnhancedClient client,
      DynamoDbTable<T> table,
      Class<T> type,
      List<Key> keys,
      Consumer<T> found) {
    try {
      for (int from = 0; from < keys.size(); from += MAX_KEYS) {
        List<Key> chunk = keys.subList(from, Math.min(keys.size(), from + MAX_KEYS));
        ReadBatch.Builder<T> batch = ReadBatch.builder(type).mappedTableResource(table);
        for (Key key : chunk) {
          batch.addGetItem(r -> r.key(key).consistentRead(true));
        }
        List<T> items = new ArrayList<>();
        client
            .batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
            .resultsForTable(table)
            .forEach(items::add);
        items.forEach(found);
      }
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB BatchGetItem", e);
    }
  }
}
