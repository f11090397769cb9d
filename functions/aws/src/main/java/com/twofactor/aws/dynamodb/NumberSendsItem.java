package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.NumberSends;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The sends to one destination number as a DynamoDB item ({@code pk = SMSNUMBER#<digest>}, {@code
 * sk = SENDS}): the number's keyed digest only, never the number; instants as ISO-8601 strings;
 * {@code expiresAt} (epoch seconds) lets the table's TTL drop it once its sends no longer count.
 *
 * <p>Its schema is immutable and shared; an item instance is not thread-safe (one per mapping).
 */
final class NumberSendsItem {
  static final String SORT_KEY = "SENDS";
  static final TableSchema<NumberSendsItem> SCHEMA = schema();

  private String pk;
  private String sk;
  private Long version;
  private List<String> sentAt;
  private Long expiresAt;

  private static TableSchema<NumberSendsItem> schema() {
    var b = StaticTableSchema.builder(NumberSendsItem.class).newItemSupplier(NumberSendsItem::new);
    ItemSchemas.keys(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    ItemSchemas.attribute(b, Long.class, "version", i -> i.version, (i, v) -> i.version = v);
    ItemSchemas.list(b, String.class, "sentAt", i -> i.sentAt, (i, v) -> i.sentAt = v);
    ItemSchemas.attribute(b, Long.class, "expiresAt", i -> i.expiresAt, (i, v) -> i.expiresAt = v);
    return b.build();
  }

  static String partitionKey(String numberDigest) {
    return "SMSNUMBER#" + numberDigest;
  }

  static NumberSendsItem from(NumberSends sends, long version) {
    NumberSendsItem item = new NumberSendsItem();
    item.pk = partitionKey(sends.numberDigest());
    item.sk = SORT_KEY;
    item.version = version;
    item.sentAt = sends.sentAt().stream().map(Instant::toString).toList();
    item.expiresAt = sends.keepUntil() == null ? null : sends.keepUntil().getEpochSecond();
    return item;
  }

  NumberSends toSends(String numberDigest) {
    return new NumberSends(
        numberDigest,
        version == null ? 0 : version,
        sentAt == null ? List.of() : sentAt.stream().map(Instant::parse).toList(),
        expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
  }
}
