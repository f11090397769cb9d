package com.twofactor.bench;

import java.util.Arrays;
import java.util.Map;

/**
 * One function's figures: init (process launch to the runtime's first poll for an event) and the
 * first (cold) invoke of each cold start, the warm invokes' latencies, peak RSS, jar size, and the
 * AWS calls of the warm invokes by {@code Service.Operation}. Times in nanoseconds; the cold
 * figures are the medians over the cold starts. Immutable.
 */
record Result(
    Workload workload,
    long[] initsNanos,
    long[] firstInvokesNanos,
    long[] warmNanos,
    long peakRssBytes,
    long jarBytes,
    Map<String, Long> warmCalls) {

  Result {
    if (initsNanos.length == 0 || initsNanos.length != firstInvokesNanos.length) {
      throw new IllegalArgumentException("one init and one first invoke per cold start");
    }
    initsNanos = initsNanos.clone();
    firstInvokesNanos = firstInvokesNanos.clone();
    warmNanos = warmNanos.clone();
    Arrays.sort(warmNanos);
    warmCalls = Map.copyOf(warmCalls);
  }

  /** The nearest-rank percentile {@code p} (0..100) of the warm invokes. */
  long warmPercentile(double p) {
    int rank = (int) Math.ceil(p / 100.0 * warmNanos.length);
    return warmNanos[Math.max(0, Math.min(warmNanos.length - 1, rank - 1))];
  }

  /** The median init. */
  long initNanos() {
    return median(initsNanos);
  }

  /** The median first invoke. */
  long firstInvokeNanos() {
    return median(firstInvokesNanos);
  }

  /** The median of init + first invoke over the cold starts. */
  long coldNanos() {
    long[] sums = new long[initsNanos.length];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = initsNanos[i] + firstInvokesNanos[i];
    }
    return median(sums);
  }

  /** The median; the lower middle one of an even count. */
  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
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
