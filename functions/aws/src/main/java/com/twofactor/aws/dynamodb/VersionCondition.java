package com.twofactor.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The condition of every optimistic write in the table: the item is still at the version that was
 * read (version 0: there is no item yet).
 */
final class VersionCondition {
  private static final Expression ABSENT =
      Expression.builder().expression("attribute_not_exists(pk)").build();

  private VersionCondition() {}

  static Expression expecting(long version) {
    return version == 0
        ? ABSENT
        : Expression.builder()
            .expression("version = :expected")
            .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version))))
            .build();
  }
}
