package com.twofactor.bench;

import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * What one function is measured on: its template.yaml logical id (or {@link #FLOOR}), the route or
 * trigger named for the table, the event of the {@code i}-th invoke (0 is the cold one; each may
 * need another user, as a TOTP step or a backup code works once), and the check every answer must
 * pass, so an error path is never what gets measured. Immutable.
 */
record Workload(
    String logicalId, String operation, IntFunction<String> event, Consumer<String> check) {
  static final String FLOOR = "floor";

  boolean floor() {
    return FLOOR.equals(logicalId);
  }
}
