package com.twofactor.bench.reference;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Context;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Builds the reference's client at init: on the main thread, as a plain function would; or, with
 * {@code reference.primed=true}, on a background thread that also makes one GetItem and one
 * conditional PutItem of an item of its own ({@code REF#primer}), as the service's functions prime
 * their clients while the framework starts. Thread-safe (no state).
 */
@Context
final class ReferenceClientStart {

  ReferenceClientStart(BeanProvider<DynamoDbClient> client, ReferenceSettings settings) {
    if (!settings.primed()) {
      client.get();
      return;
    }
    Thread thread = new Thread(() -> prime(client.get(), settings.table()), "reference-priming");
    thread.setDaemon(true);
    thread.start();
  }

  private static void prime(DynamoDbClient client, String table) {
    Map<String, AttributeValue> key =
        Map.of("pk", AttributeValue.fromS("REF#primer"), "sk", AttributeValue.fromS("STATE"));
    client.getItem(r -> r.tableName(table).key(key).consistentRead(true));
    client.putItem(
        r ->
            r.tableName(table)
                .item(Map.of("pk", key.get("pk"), "sk", key.get("sk")))
                .conditionExpression("attribute_not_exists(version)"));
  }
}
