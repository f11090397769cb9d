package com.twofactor.bench;

import com.twofactor.aws.testing.FakeEventBridge;
import com.twofactor.aws.testing.FakeKms;
import com.twofactor.aws.testing.FakeSns;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS calls counted where they arrive, as {@code Service.Operation} totals: DynamoDB at the
 * counting proxy, KMS, SNS and EventBridge at their in-memory servers. Nothing in the functions is
 * instrumented. Thread-safe as the servers are.
 */
final class Counters {
  private final CountingProxy dynamo;
  private final FakeKms kms;
  private final FakeSns sns;
  private final FakeEventBridge eventBridge;

  /** The time DynamoDB calls have spent at the counting proxy so far, in nanoseconds. */
  long dynamoDbBusyNanos() {
    return dynamo.busyNanos();
  }

  Counters(CountingProxy dynamo, FakeKms kms, FakeSns sns, FakeEventBridge eventBridge) {
    this.dynamo = dynamo;
    this.kms = kms;
    this.sns = sns;
    this.eventBridge = eventBridge;
  }

  Map<String, Long> snapshot() {
    Map<String, Long> totals = new TreeMap<>();
    dynamo.calls().forEach((operation, count) -> totals.put("DynamoDB." + operation, count));
    kms.requests().forEach(r -> totals.merge("KMS." + r.operation(), 1L, Long::sum));
    totals.put("SNS.Publish", (long) sns.publishes().size());
    totals.put("EventBridge.PutEvents", (long) eventBridge.requests().size());
    return totals;
  }

  /** What happened between two snapshots, leaving out operations with no calls. */
  static Map<String, Long> difference(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> calls = new HashMap<>();
    after.forEach(
        (operation, count) -> {
          long delta = count - before.getOrDefault(operation, 0L);
          if (delta > 0) {
            calls.put(operation, delta);
          }
        });
    return calls;
  }
}
