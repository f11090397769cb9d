package com.twofactor.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * One function's figures: init (process launch to the runtime's first poll for an event), the first
 * (cold) invoke, the warm invokes' latencies, peak RSS, jar size, and the AWS calls of the warm
 * invokes by {@code Service.Operation}. Times in nanoseconds. Immutable.
 */
record Result(
    Workload workload,
    long initNanos,
    long firstInvokeNanos,
    long[] warmNanos,
    long peakRssBytes,
    long jarBytes,
    Map<String, Long> warmCalls) {

  Result {
    warmNanos = warmNanos.clone();
    Arrays.sort(warmNanos);
    warmCalls = Map.copyOf(warmCalls);
  }

  /** The nearest-rank percentile {@code p} (0..100) of the warm invokes. */
  long warmPercentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * warmNanos.length);
    return warmNanos[Math.max(0, Math.min(warmNanos.length - 1, rank - 1))];
  }

  long coldNanos() {
    return initNanos + firstInvokeNanos;
  }

  /** DynamoDB calls per warm invoke. */
  double dynamoDbCallsPerInvoke() {
    return warmCalls.entrySet().stream()
            .filter(e -> e.getKey().startsWith("DynamoDB."))
            .mapToLong(Map.Entry::getValue)
            .sum()
        / (double) warmNanos.length;
  }
}
