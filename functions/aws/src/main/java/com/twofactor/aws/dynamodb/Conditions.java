package com.twofactor.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The conditions every write of the stores is made under. *
 *
 * <p>Stateless and thread-safe.
 */
final class Conditions {
  static final Expression ABSENT =
      Expression.builder().expression("attribute_not_exists(pk)").build();
  static final Expression PRESENT = Expression.builder().expression("attribute_exists(pk)").build();

  private Conditions() {}

  /** The stored item still has {@code version} (0: there is no item yet). */
  static Expression versionIs(long version) {
    return version == 0
        ? ABSENT
        : Expression.builder()
            .expression("version = :expected")
            .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(version))))
            .build();
  }
}
