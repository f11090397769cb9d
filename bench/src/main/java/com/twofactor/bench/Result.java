package com.twofactor.bench;

import java.util.Arrays;
import java.util.Map;
import java.util.OptionalLong;

/**
 * One function's figures: init (process launch to the runtime's first poll for an event) and the
 * first (cold) invoke of each cold start, the CPU time the process had used by the end of that
 * invoke, the warm invokes' latencies, peak RSS, jar size, and the AWS calls of the warm invokes by
 * {@code Service.Operation}; with a reference (the floor plus the function's DynamoDB calls) run
 * beside it, that reference's warm invokes, each made right after the function's of the same index
 * (none otherwise). Times in nanoseconds; the cold figures are the medians over the cold starts.
 * Immutable.
 */
record Result(
    Workload workload,
    long[] initsNanos,
    long[] firstInvokesNanos,
    long[] pairedFloorColdsNanos,
    long[] coldCpusNanos,
    long[] pairedFloorCpusNanos,
    long[] warmNanos,
    long[] warmOwnDynamoDbNanos,
    long[] referenceWarmNanos,
    long peakRssBytes,
    long jarBytes,
    Map<String, Long> warmCalls) {

  Result {
    if (initsNanos.length == 0 || initsNanos.length != firstInvokesNanos.length) {
      throw new IllegalArgumentException("one init and one first invoke per cold start");
    }
    initsNanos = initsNanos.clone();
    firstInvokesNanos = firstInvokesNanos.clone();
    pairedFloorColdsNanos = pairedFloorColdsNanos.clone();
    if (coldCpusNanos.length != initsNanos.length
        || pairedFloorCpusNanos.length != pairedFloorColdsNanos.length) {
      throw new IllegalArgumentException("one CPU time per cold start");
    }
    coldCpusNanos = coldCpusNanos.clone();
    pairedFloorCpusNanos = pairedFloorCpusNanos.clone();
    if (warmOwnDynamoDbNanos.length != warmNanos.length) {
      throw new IllegalArgumentException("one DynamoDB time per warm invoke");
    }
    warmNanos = warmNanos.clone();
    warmOwnDynamoDbNanos = warmOwnDynamoDbNanos.clone();
    if (referenceWarmNanos.length != 0 && referenceWarmNanos.length != warmNanos.length) {
      throw new IllegalArgumentException("one reference invoke per warm invoke, or none");
    }
    referenceWarmNanos = referenceWarmNanos.clone();
    warmCalls = Map.copyOf(warmCalls);
  }

  /**
   * Warm p50 minus the p50 of the reference's invokes made beside it: issue 13's "the floor's plus
   * its own DynamoDB calls", measured; empty without a reference.
   */
  OptionalLong warmP50OverReference() {
    return referenceWarmNanos.length == 0
        ? OptionalLong.empty()
        : OptionalLong.of(warmPercentile(50) - percentile(referenceWarmNanos, 50));
  }

  /** The nearest-rank percentile {@code p} (0..100) of the warm invokes. */
  long warmPercentile(double p) {
    return percentile(warmNanos, p);
  }

  /**
   * The median of each warm invoke's latency less the time its own DynamoDB calls spent at the
   * counting proxy (dynalite and the relay): what the function itself adds.
   */
  long warmMedianLessOwnDynamoDb() {
    long[] less = new long[warmNanos.length];
    for (int i = 0; i < less.length; i++) {
      less[i] = warmNanos[i] - warmOwnDynamoDbNanos[i];
    }
    return percentile(less, 50);
  }

  private static long percentile(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
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
    return median(colds());
  }

  /**
   * Init + first invoke against the floor's, as the median over the cold starts of each one's ratio
   * to the floor's cold start just before it; {@code elsewhere} (the floor rows' mean) where there
   * was no paired floor.
   */
  double coldRatio(double elsewhere) {
    return pairedRatio(colds(), pairedFloorColdsNanos, elsewhere);
  }

  /** The median CPU time to the first answer. */
  long coldCpuNanos() {
    return median(coldCpusNanos);
  }

  /**
   * CPU time to the first answer against the floor's, paired as {@link #coldRatio} pairs them: less
   * sensitive than the wall-clock ratio to what else the machine runs, but it counts the work done
   * on other threads too (priming, the JIT compiler, the garbage collector).
   */
  double cpuRatio(double elsewhere) {
    return pairedRatio(coldCpusNanos, pairedFloorCpusNanos, elsewhere);
  }

  /** Init + first invoke of each cold start. */
  private long[] colds() {
    long[] sums = new long[initsNanos.length];
    for (int i = 0; i < sums.length; i++) {
      sums[i] = initsNanos[i] + firstInvokesNanos[i];
    }
    return sums;
  }

  /**
   * The median over the cold starts of {@code values[i] / paired[i]}; the median of {@code values}
   * over {@code elsewhere} where there is no paired floor (the floor's own rows).
   */
  private static double pairedRatio(long[] values, long[] paired, double elsewhere) {
    if (paired.length == 0) {
      return median(values) / elsewhere;
    }
    double[] ratios = new double[values.length];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = values[i] / (double) paired[i];
    }
    Arrays.sort(ratios);
    return ratios[(ratios.length - 1) / 2];
  }

  /** The median; the lower middle one of an even count. */
  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[(sorted.length - 1) / 2];
  }
}
