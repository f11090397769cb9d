package com.twofactor.bench;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What one function is measured on: its template.yaml logical id (or {@link #FLOOR}, or one of the
 * references, {@link #GET_ITEM}, {@link #GET_AND_PUT_ITEM} and {@link #GET_QUERY_BATCH}: the floor
 * plus those DynamoDB calls through the SDK, module bench/floor-dynamodb), the route or trigger
 * named for the table, the event of the {@code i}-th invoke (0 is the cold one; each may need
 * another user, as a TOTP step or a backup code works once), the check every answer must pass, so
 * an error path is never what gets measured, and the reference that makes the same DynamoDB calls
 * as the function (null if none does). Immutable.
 */
record Workload(
    String logicalId,
    String operation,
    IntFunction<String> event,
    Consumer<String> check,
    String reference) {
  static final String FLOOR = "floor";
  static final String GET_ITEM = "floor + GetItem";
  static final String GET_AND_PUT_ITEM = "floor + GetItem, PutItem";
  static final String GET_QUERY_BATCH = "floor + GetItem, Query, BatchGetItem";

  /** A workload no reference is compared with. */
  Workload(String logicalId, String operation, IntFunction<String> event, Consumer<String> check) {
    this(logicalId, operation, event, check, null);
  }

  boolean floor() {
    return FLOOR.equals(logicalId);
  }

  /** One of the references: the floor plus a function's DynamoDB calls. */
  boolean isReference() {
    return GET_ITEM.equals(logicalId)
        || GET_AND_PUT_ITEM.equals(logicalId)
        || GET_QUERY_BATCH.equals(logicalId);
  }

  /**
   * The name its process, log and {@code {name}} in {@code bench.jvmOptions} go by: the logical id,
   * letters and dashes only (e.g. {@code floor-GetItem-PutItem}).
   */
  String name() {
    return logicalId.replaceAll("[^A-Za-z0-9]+", "-");
  }

  /** A function of template.yaml. */
  boolean function() {
    return !floor() && !isReference();
  }
}
