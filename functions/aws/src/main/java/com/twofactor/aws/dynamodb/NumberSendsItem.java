package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.NumberSends;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The sends to one destination number as a DynamoDB item ({@code pk = SMSNUMBER#<digest>}, {@code
 * sk = SENDS}): the number's keyed digest only, never the number; instants as ISO-8601 strings;
 * {@code expiresAt} (epoch seconds) lets the table's TTL drop it once its sends no longer count.
 * Stateless and thread-safe.
 */
final class NumberSendsItem {
  static final String SORT_KEY = "SENDS";

  private NumberSendsItem() {}

  static String partitionKey(String numberDigest) {
    return "SMSNUMBER#" + numberDigest;
  }

  static Map<String, AttributeValue> key(String numberDigest) {
    return AttributeMap.key(partitionKey(numberDigest), SORT_KEY);
  }

  /** The item for {@code sends}, carrying {@code version} (the version being written). */
  static Map<String, AttributeValue> item(NumberSends sends, long version) {
    AttributeMap a = new AttributeMap();
    a.text("pk", partitionKey(sends.numberDigest()));
    a.text("sk", SORT_KEY);
    a.number("version", version);
    // Written even when empty, as it always was: a log whose only send was given back.
    a.instantsEvenEmpty("sentAt", sends.sentAt());
    if (sends.keepUntil() != null) {
      a.number("expiresAt", sends.keepUntil().getEpochSecond());
    }
    return a.values();
  }

  static NumberSends sends(String numberDigest, Map<String, AttributeValue> item) {
    AttributeMap a = new AttributeMap(item);
    return new NumberSends(
        numberDigest,
        a.numberOr("version", 0),
        a.instants("sentAt"),
        a.has("expiresAt") ? Instant.ofEpochSecond(a.numberOr("expiresAt", 0)) : null);
  }
}
