package com.twofactor.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * A condition every write of the stores is made under: the expression and the values it names, and
 * the requests that carry it. Immutable.
 */
record WriteCondition(String expression, Map<String, AttributeValue> values) {
  static final WriteCondition ABSENT = new WriteCondition("attribute_not_exists(pk)", Map.of());
  static final WriteCondition PRESENT = new WriteCondition("attribute_exists(pk)", Map.of());

  WriteCondition {
    values = Map.copyOf(values);
  }

  /** The stored item still has {@code version} (0: there is no item yet). */
  static WriteCondition versionIs(long version) {
    return version == 0
        ? ABSENT
        : new WriteCondition(
            "version = :expected",
            Map.of(":expected", AttributeValue.fromN(Long.toString(version))));
  }

  /** The item is there ({@code present}) or not. */
  static WriteCondition presence(boolean present) {
    return present ? PRESENT : ABSENT;
  }

  /** A PutItem of {@code item} under this condition. */
  PutItemRequest putItem(String table, Map<String, AttributeValue> item) {
    return PutItemRequest.builder()
        .tableName(table)
        .item(item)
        .conditionExpression(expression)
        .expressionAttributeValues(valuesOrUnset())
        .build();
  }

  /** A put of {@code item} under this condition, as one write of a TransactWriteItems. */
  TransactWriteItem transactPut(String table, Map<String, AttributeValue> item) {
    return TransactWriteItem.builder()
        .put(
            Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression(expression)
                .expressionAttributeValues(valuesOrUnset())
                .build())
        .build();
  }

  /** A delete of the item at {@code key} under this condition, as one write of a transaction. */
  TransactWriteItem transactDelete(String table, Map<String, AttributeValue> key) {
    return TransactWriteItem.builder()
        .delete(
            Delete.builder()
                .tableName(table)
                .key(key)
                .conditionExpression(expression)
                .expressionAttributeValues(valuesOrUnset())
                .build())
        .build();
  }

  /** DynamoDB refuses an empty ExpressionAttributeValues; null leaves it out of the request. */
  private Map<String, AttributeValue> valuesOrUnset() {
    return values.isEmpty() ? null : values;
  }
}
