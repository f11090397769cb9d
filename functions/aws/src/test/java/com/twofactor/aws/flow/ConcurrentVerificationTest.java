package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.VerificationService;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Single use and lockout under concurrency, over the real DynamoDB wire protocol: many requests
 * race on one user, and the conditional writes decide.
 */
@Tag("dynalite")
class ConcurrentVerificationTest extends OnEmulatedAws {
  private static final int REQUESTS = 32;

  /** The outcome of each concurrent call: success, or the refusal's error code. */
  private Map<ErrorCode, Integer> race(String userId, String code, List<Boolean> successes)
      throws Exception {
    VerificationService verification = aws.bean(VerificationService.class);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(REQUESTS);
    Map<ErrorCode, Integer> refusals = new EnumMap<>(ErrorCode.class);
    try {
      List<Future<ErrorCode>> results = new ArrayList<>();
      for (int i = 0; i < REQUESTS; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    verification.verify(userId, userId, Method.TOTP, code);
                    return null;
                  } catch (TwoFactorException e) {
                    return e.code();
                  }
                }));
      }
      go.countDown();
      for (Future<ErrorCode> result : results) {
        ErrorCode refusal = result.get();
        if (refusal == null) {
          successes.add(true);
        } else {
          refusals.merge(refusal, 1, Integer::sum);
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return refusals;
  }

  @Test
  void verify_32ConcurrentUsesOfOneValidCodeYieldExactlyOneSuccess() throws Exception {
    byte[] secret = TotpOnAws.enroll(aws, "racer");
    List<Boolean> successes = new java.util.concurrent.CopyOnWriteArrayList<>();

    Map<ErrorCode, Integer> refusals = race("racer", TotpOnAws.nextStepCode(secret), successes);

    assertThat(successes).hasSize(1);
    assertThat(refusals.keySet()).isSubsetOf(ErrorCode.INVALID_CODE, ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(refusals.values().stream().mapToInt(Integer::intValue).sum())
        .isEqualTo(REQUESTS - 1);
  }

  @Test
  void verify_concurrentWrongCodesLockAfterExactlyFiveFailures() throws Exception {
    byte[] secret = TotpOnAws.enroll(aws, "guesser");
    String wrong = TotpCodes.wrongAt(secret, Instant.now());
    List<Boolean> successes = new java.util.concurrent.CopyOnWriteArrayList<>();

    Map<ErrorCode, Integer> refusals = race("guesser", wrong, successes);

    assertThat(successes).isEmpty();
    // Failures are counted one conditional write at a time: four answers of invalid_code, then
    // the fifth locks, and every later request sees the lock without a guess being evaluated.
    assertThat(refusals.getOrDefault(ErrorCode.INVALID_CODE, 0)).isEqualTo(4);
    assertThat(refusals.getOrDefault(ErrorCode.TOO_MANY_ATTEMPTS, 0)).isEqualTo(REQUESTS - 4);
    UserTwoFactor state = aws.bean(TwoFactorStore.class).load("guesser");
    assertThat(state.lockedUntil()).isNotNull();
  }
}
