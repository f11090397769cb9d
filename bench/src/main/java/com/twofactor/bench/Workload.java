package com.twofactor.bench;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What one process is measured on: its kind, its id (a template.yaml logical id, {@link #FLOOR}, or
 * one of the references {@link #GET_ITEM}, {@link #GET_AND_PUT_ITEM} and {@link #GET_QUERY_BATCH}:
 * the floor plus those DynamoDB calls through the SDK, module bench/floor-dynamodb), the route or
 * trigger named for the table, the event of the {@code i}-th invoke (0 is the cold one; each may
 * need another user, as a TOTP step or a backup code works once), the check every answer must pass,
 * so an error path is never what gets measured, and the id of the reference run beside its warm
 * invokes: for a function, the reference that makes the same DynamoDB calls (null if none does);
 * for a reference, itself (a second instance, so the comparison's zero shows). Immutable.
 */
record Workload(
    Kind kind,
    String id,
    String operation,
    IntFunction<String> event,
    Consumer<String> check,
    String reference) {
  static final String FLOOR = "floor";
  static final String GET_ITEM = "floor + GetItem";
  static final String GET_AND_PUT_ITEM = "floor + GetItem, PutItem";
  static final String GET_QUERY_BATCH = "floor + GetItem, Query, BatchGetItem";

  /** What runs: the bare floor, a reference (bench/floor-dynamodb), or a template.yaml function. */
  enum Kind {
    FLOOR,
    REFERENCE,
    FUNCTION
  }

  static Workload ofFloor(String operation, IntFunction<String> event, Consumer<String> check) {
    return new Workload(Kind.FLOOR, FLOOR, operation, event, check, null);
  }

  static Workload ofReference(
      String id, String operation, IntFunction<String> event, Consumer<String> check) {
    return new Workload(Kind.REFERENCE, id, operation, event, check, id);
  }

  static Workload ofFunction(
      String logicalId,
      String operation,
      IntFunction<String> event,
      Consumer<String> check,
      String reference) {
    return new Workload(Kind.FUNCTION, logicalId, operation, event, check, reference);
  }

  boolean floor() {
    return kind == Kind.FLOOR;
  }

  boolean isReference() {
    return kind == Kind.REFERENCE;
  }

  boolean function() {
    return kind == Kind.FUNCTION;
  }

  /**
   * The name its process, log and {@code {name}} in {@code bench.jvmOptions} go by: the id with
   * every run of other characters than ASCII letters and digits made one dash (e.g. {@code
   * floor-GetItem-PutItem}).
   */
  String name() {
    return id.replaceAll("[^A-Za-z0-9]+", "-");
  }
}
