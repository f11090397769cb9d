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

/**
 * Starts many calls at the same instant, for the concurrency tests on dynalite: each on its own
 * thread, all released by one latch. Stateless.
 */
public final class Race {
  private Race() {}

  /** Runs {@code count} calls at once; each outcome is null (granted) or the refusal's code. */
  public static List<ErrorCode> outcomes(int count, IntConsumer call) throws Exception {
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(count);
    try {
      List<Future<ErrorCode>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    call.accept(n);
                    return null;
                  } catch (TwoFactorException e) {
                    return e.code();
                  }
                }));
      }
      go.countDown();
      List<ErrorCode> outcomes = new ArrayList<>();
      for (Future<ErrorCode> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      pool.shutdownNow();
    }
  }
}
