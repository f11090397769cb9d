package com.twofactor.securityevents;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a DynamoDB stream would have carried, for dynalite (which has no streams): reads an item as
 * stored before and after an operation, and makes a {@code NEW_AND_OLD_IMAGES} stream record of the
 * two, converted to the Lambda events library's attribute type. Not thread-safe (one test).
 */
final class StreamTap {
  private final DynamoDbClient dynamoDb;
  private final String table;
  private final List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
  private long sequence = 1000;

  StreamTap(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  static String userKey(String userId) {
    return "USER#" + userId;
  }

  static String orgKey(String orgId) {
    return "ORG#" + orgId;
  }

  /** Runs {@code operation} and records the change it made to item (pk, sk), if any. */
  DynamodbEvent.DynamodbStreamRecord around(String pk, String sk, Runnable operation) {
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> before =
        item(pk, sk);
    operation.run();
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> after = item(pk, sk);
    if (before.equals(after)) {
      return null;
    }
    DynamodbEvent.DynamodbStreamRecord record = record(before, after);
    records.add(record);
    return record;
  }

  /** A record of these two images (either may be empty), without touching the table. */
  DynamodbEvent.DynamodbStreamRecord record(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> before,
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> after) {
    StreamRecord data = new StreamRecord();
    data.setSequenceNumber(Long.toString(sequence++));
    data.setStreamViewType(StreamViewType.NEW_AND_OLD_IMAGES);
    data.setApproximateCreationDateTime(new Date());
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> any =
        after.isEmpty() ? before : after;
    data.setKeys(toLambda(Map.of("pk", any.get("pk"), "sk", any.get("sk"))));
    if (!before.isEmpty()) {
      data.setOldImage(toLambda(before));
    }
    if (!after.isEmpty()) {
      data.setNewImage(toLambda(after));
    }
    DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
    record.setEventID("event-" + data.getSequenceNumber());
    record.setEventName(before.isEmpty() ? "INSERT" : after.isEmpty() ? "REMOVE" : "MODIFY");
    record.setEventSource("aws:dynamodb");
    record.setAwsRegion("us-east-1");
    record.setDynamodb(data);
    return record;
  }

  /** The records so far, as one batch, and forgets them. */
  DynamodbEvent drain() {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.copyOf(records));
    records.clear();
    return event;
  }

  static DynamodbEvent batch(List<DynamodbEvent.DynamodbStreamRecord> records) {
    DynamodbEvent event = new DynamodbEvent();
    event.setRecords(List.copyOf(records));
    return event;
  }

  Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> item(
      String pk, String sk) {
    return dynamoDb
        .getItem(
            r ->
                r.tableName(table)
                    .consistentRead(true)
                    .key(
                        Map.of(
                            "pk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(pk),
                            "sk",
                            software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                sk))))
        .item();
  }

  static Map<String, AttributeValue> toLambda(
      Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> image) {
    Map<String, AttributeValue> converted = new LinkedHashMap<>();
    image.forEach((name, value) -> converted.put(name, toLambda(value)));
    return converted;
  }

  static AttributeValue toLambda(software.amazon.awssdk.services.dynamodb.model.AttributeValue v) {
    return switch (v.type()) {
      case S -> new AttributeValue().withS(v.s());
      case N -> new AttributeValue().withN(v.n());
      case B -> new AttributeValue().withB(ByteBuffer.wrap(v.b().asByteArray()));
      case BOOL -> new AttributeValue().withBOOL(v.bool());
      case NUL -> new AttributeValue().withNULL(true);
      case SS -> new AttributeValue().withSS(v.ss());
      case NS -> new AttributeValue().withNS(v.ns());
      case BS ->
          new AttributeValue()
              .withBS(v.bs().stream().map(b -> ByteBuffer.wrap(b.asByteArray())).toList());
      case M -> new AttributeValue().withM(toLambda(v.m()));
      case L -> new AttributeValue().withL(v.l().stream().map(StreamTap::toLambda).toList());
      case UNKNOWN_TO_SDK_VERSION -> throw new IllegalArgumentException("unknown type");
    };
  }
}
