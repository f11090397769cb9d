package com.twofactor.aws.testing;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * Starts many calls at the same instant, for the concurrency tests on dynalite: each on its own
 * thread, all released by one latch. Stateless.
 */
public final class Race {
  private Race() {}

  /** Runs {@code count} calls at once; each outcome is null (granted) or the refusal's code. */
  public static List<ErrorCode> outcomes(int count, IntConsumer call) throws Exception {
    return results(
        count,
        n -> {
          try {
            call.accept(n);
            return null;
          } catch (TwoFactorException e) {
            return e.code();
          }
        });
  }

  /** Runs {@code count} calls at once; their results in call order (an exception fails all). */
  public static <T> List<T> results(int count, IntFunction<T> call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  return call.apply(n);
                }));
      }
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }
}
