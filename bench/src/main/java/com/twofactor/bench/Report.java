package com.twofactor.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * The benchmark's table in Markdown: one row per function, the floor first and last, with the
 * ratios the budgets are stated in (init + first invoke against the floor's cold start run
 * just before each, see {@link Result#coldRatio}; the CPU time to the first answer, paired the same
 * way, see {@link Result#cpuRatio}; warm p50 minus the floor's; the median of each warm invoke less
 * its own DynamoDB calls' time, minus the floor's p50; and warm p50 minus the p50 of the reference
 * that makes the same DynamoDB calls, the floor plus those calls, where one does), the floor's
 * being the mean of its two runs. Immutable.
 */
record Report(String header, List<Result> results) {
  /** The floor's rows, by their position in the run. */
  private static String floorName(int index, int count) {
    return count == 1 ? "floor" : index == 0 ? "floor (first)" : "floor (last)";
  }

  String markdown() {
    List<Result> floors = results.stream().filter(r -> r.workload().floor()).toList();
    if (floors.isEmpty()) {
      throw new IllegalStateException("no floor result");
    }
    // The floor runs first and last: on a busy machine their mean is the fairer reference.
    double floorCold = floors.stream().mapToLong(Result::coldNanos).average().orElseThrow();
    double floorCpu = floors.stream().mapToLong(Result::coldCpuNanos).average().orElseThrow();
    double floorP50 =
        millis((long) floors.stream().mapToLong(r -> r.warmPercentile(50)).average().orElseThrow());
    StringBuilder out = new StringBuilder(header).append('\n');
    out.append(
        "| Function | Operation | Init ms | First invoke ms | Init+first ×floor | CPU to first"
            + " answer ms | CPU ×floor | Warm p50 ms |"
            + " Warm p99 ms | p50 − floor ms | (invoke − own DynamoDB) p50 − floor ms | p50 −"
            + " (floor + the same calls) ms | Peak RSS MB | Jar MB | AWS calls per warm invoke |\n");
    out.append("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n");
    int floorIndex = 0;
    for (Result r : results) {
      double p50 = millis(r.warmPercentile(50));
      double lessOwnDynamoDb = millis(r.warmMedianLessOwnDynamoDb());
      out.append("| ")
          .append(
              r.workload().floor()
                  ? floorName(floorIndex++, floors.size()) + ", bare Micronaut"
                  : r.workload().isReference()
                      ? "reference: " + r.workload().id()
                      : r.workload().id())
          .append(" | ")
          .append(r.workload().operation())
          .append(" | ")
          .append(fixed(millis(r.initNanos()), 0))
          .append(" | ")
          .append(fixed(millis(r.firstInvokeNanos()), 0))
          .append(" | ")
          .append(fixed(r.coldRatio(floorCold), 2))
          .append("× | ")
          .append(fixed(millis(r.coldCpuNanos()), 0))
          .append(" | ")
          .append(fixed(r.cpuRatio(floorCpu), 2))
          .append("× | ")
          .append(fixed(p50, 2))
          .append(" | ")
          .append(fixed(millis(r.warmPercentile(99)), 2))
          .append(" | ")
          .append(signed(p50 - floorP50))
          .append(" | ")
          .append(signed(lessOwnDynamoDb - floorP50))
          .append(" | ")
          .append(overReference(r))
          .append(" | ")
          .append(fixed(r.peakRssBytes() / 1048576.0, 0))
          .append(" | ")
          .append(fixed(r.jarBytes() / 1e6, 1))
          .append(" | ")
          .append(calls(r))
          .append(" |\n");
    }
    return out.toString();
  }

  /**
   * Warm p50 minus that of the reference making the same DynamoDB calls, run beside the function
   * (issue 13's "the floor's plus its own DynamoDB calls", measured); "—" where none makes them.
   */
  private static String overReference(Result r) {
    OptionalLong over = r.warmP50OverReference();
    return over.isPresent() ? signed(millis(over.getAsLong())) : "—";
  }

  /** E.g. "DynamoDB GetItem 1, PutItem 1; KMS Decrypt 1", per warm invoke; "none" if none. */
  private static String calls(Result r) {
    Map<String, List<String>> byService = new LinkedHashMap<>();
    double total = 0;
    for (Map.Entry<String, Long> call : new java.util.TreeMap<>(r.warmCalls()).entrySet()) {
      String[] parts = call.getKey().split("\\.", 2);
      double perInvoke = call.getValue() / (double) r.warmNanos().length;
      total += perInvoke;
      byService
          .computeIfAbsent(parts[0], s -> new ArrayList<>())
          .add(parts[1] + " " + count(perInvoke));
    }
    if (byService.isEmpty()) {
      return "none";
    }
    return count(total)
        + ": "
        + byService.entrySet().stream()
            .map(e -> e.getKey() + " " + String.join(", ", e.getValue()))
            .collect(Collectors.joining("; "));
  }

  private static String count(double value) {
    return Math.abs(value - Math.rint(value)) < 0.005 ? fixed(value, 0) : fixed(value, 2);
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  private static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.2f", value);
  }
}
