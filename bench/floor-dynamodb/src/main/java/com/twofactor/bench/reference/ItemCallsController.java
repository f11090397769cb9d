package com.twofactor.bench.reference;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.serde.annotation.Serdeable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * The calls of the measured routes, on the benchmark's copies of the users' state items ({@code pk
 * = REF#<index>}, {@code sk = STATE}, each a copy of an enrolled user's item, so of the same size):
 * {@code GET /items/{index}} is a strongly consistent GetItem, as the Cognito Define and Create
 * triggers make; {@code POST /items/{index}} is that GetItem and a PutItem of the item with its
 * version one higher, on condition that the version is still the one read, as a TOTP verify and a
 * backup-code consume make; {@code GET /items/{index}/affiliations/{userId}} is that GetItem, a
 * Query of the user's orgs in the {@code byUser} index and one strongly consistent BatchGetItem of
 * those orgs and the user's memberships in them, as the status route ({@code GET /two-factor})
 * makes (docs/data-model.md has the keys). Thread-safe (stateless; the client is thread-safe).
 */
@Controller("/items/{index}")
public class ItemCallsController {
  private final DynamoDbClient dynamoDb;
  private final String table;

  ItemCallsController(DynamoDbClient dynamoDb, ReferenceSettings settings) {
    this.dynamoDb = dynamoDb;
    this.table = settings.table();
  }

  /** The answer's shape: the item's version after the call. */
  @Serdeable
  public record ItemVersion(long version) {}

  /** The answer's shape: the item's version and the items the batch read found. */
  @Serdeable
  public record Affiliations(long version, int found) {}

  @Get
  public ItemVersion read(int index) {
    return new ItemVersion(version(item(index)));
  }

  @Post
  public ItemVersion readAndWrite(int index) {
    Map<String, AttributeValue> item = new HashMap<>(item(index));
    long read = version(item);
    item.put("version", AttributeValue.fromN(Long.toString(read + 1)));
    dynamoDb.putItem(
        r ->
            r.tableName(table)
                .item(item)
                .conditionExpression("version = :expected")
                .expressionAttributeValues(
                    Map.of(":expected", AttributeValue.fromN(Long.toString(read)))));
    return new ItemVersion(read + 1);
  }

  @Get("/affiliations/{userId}")
  public Affiliations affiliations(int index, String userId) {
    long version = version(item(index));
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    dynamoDb
        .query(
            r ->
                r.tableName(table)
                    .indexName("byUser")
                    .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                    .expressionAttributeValues(
                        Map.of(
                            ":pk", AttributeValue.fromS("USER#" + userId),
                            ":prefix", AttributeValue.fromS("ORG#"))))
        .items()
        .forEach(
            entry -> {
              String orgPartition = entry.get("gsi1sk").s();
              keys.add(key(orgPartition, "META"));
              keys.add(key(orgPartition, "MEMBER#" + userId));
            });
    if (keys.isEmpty()) {
      throw new HttpStatusException(HttpStatus.NOT_FOUND, "no orgs for user " + userId);
    }
    BatchGetItemResponse read =
        dynamoDb.batchGetItem(
            r ->
                r.requestItems(
                    Map.of(
                        table,
                        KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
    return new Affiliations(version, read.responses().getOrDefault(table, List.of()).size());
  }

  private Map<String, AttributeValue> item(int index) {
    Map<String, AttributeValue> item =
        dynamoDb.getItem(r -> r.tableName(table).key(key(index)).consistentRead(true)).item();
    if (item.isEmpty()) {
      throw new HttpStatusException(HttpStatus.NOT_FOUND, "no item REF#" + index);
    }
    return item;
  }

  private static Map<String, AttributeValue> key(int index) {
    return key("REF#" + index, "STATE");
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  private static long version(Map<String, AttributeValue> item) {
    return Long.parseLong(item.get("version").n());
  }
}
