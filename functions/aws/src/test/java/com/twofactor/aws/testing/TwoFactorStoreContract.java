package com.twofactor.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.PendingSms;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TwoFactorStore} must do; run against the in-memory store and, over the real
 * wire protocol, the DynamoDB one.
 */
public abstract class TwoFactorStoreContract {
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  protected abstract TwoFactorStore store();

  private static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  private static UserTwoFactor full(UserTwoFactor base) {
    return base.toBuilder()
        .totp(new ActiveTotp(Ciphertext.of(new byte[] {1, 2, 3}), T, 56_666_666L))
        .pendingTotp(new PendingTotp(Ciphertext.of(new byte[] {4, 5}), T.plusSeconds(600)))
        .sms(new ActiveSms(Ciphertext.of(new byte[] {6}), "+1 ********23", T))
        .pendingSms(
            new PendingSms(Ciphertext.of(new byte[] {7, 8}), "+44 ********56", T.plusSeconds(600)))
        .smsCode(
            new SmsCode(SmsCode.Purpose.SIGN_IN, "aGFzaA==", "c2FsdA==", T.plusSeconds(300), 2))
        .smsSentAt(List.of(T.minusSeconds(100), T))
        .backupCodes(
            new BackupCodeSet(
                "c2FsdA==",
                List.of("aGFzaDE=", "aGFzaDI="),
                List.of(false, true),
                Ciphertext.of(new byte[] {9}),
                T))
        .failedAttempts(3)
        .lockedUntil(T.plusSeconds(900))
        .lastAdminReset(
            new com.twofactor.core.model.AdminReset(
                T.minusSeconds(60), "support:jane", java.util.Map.of("org-1", T.plusSeconds(3600))))
        .build();
  }

  @Test
  void load_unknownUserIsEmptyAtVersionZero() {
    String user = newUser();

    assertThat(store().load(user)).isEqualTo(UserTwoFactor.empty(user));
  }

  @Test
  void save_roundTripsEveryFieldAndIncrementsTheVersion() {
    String user = newUser();
    UserTwoFactor written = full(UserTwoFactor.empty(user));

    UserTwoFactor saved = store().save(written);

    assertThat(saved.version()).isEqualTo(1);
    assertThat(store().load(user)).isEqualTo(saved);
    assertThat(store().save(saved).version()).isEqualTo(2);
  }

  @Test
  void save_clearedFieldsAreGoneAfterReload() {
    String user = newUser();
    UserTwoFactor saved = store().save(full(UserTwoFactor.empty(user)));

    store()
        .save(
            saved.toBuilder()
                .totp(null)
                .pendingTotp(null)
                .sms(null)
                .pendingSms(null)
                .smsCode(null)
                .smsSentAt(List.of())
                .backupCodes(null)
                .failedAttempts(0)
                .lockedUntil(null)
                .build());

    UserTwoFactor reloaded = store().load(user);
    assertThat(reloaded.totp()).isNull();
    assertThat(reloaded.pendingTotp()).isNull();
    assertThat(reloaded.failedAttempts()).isZero();
    assertThat(reloaded.lockedUntil()).isNull();
    assertThat(reloaded.sms()).isNull();
    assertThat(reloaded.pendingSms()).isNull();
    assertThat(reloaded.smsCode()).isNull();
    assertThat(reloaded.smsSentAt()).isEmpty();
    assertThat(reloaded.backupCodes()).isNull();
  }

  @Test
  void save_withAStaleVersionIsRefusedAndChangesNothing() {
    String user = newUser();
    UserTwoFactor first = store().save(UserTwoFactor.empty(user));
    UserTwoFactor second = store().save(first.toBuilder().failedAttempts(1).build());

    assertThatThrownBy(() -> store().save(first.toBuilder().failedAttempts(4).build()))
        .isInstanceOf(StaleStateException.class);
    assertThat(store().load(user)).isEqualTo(second);
  }

  @Test
  void save_ofANewUserIsRefusedWhenAnotherWriterCreatedItFirst() {
    String user = newUser();
    store().save(UserTwoFactor.empty(user).toBuilder().failedAttempts(1).build());

    assertThatThrownBy(() -> store().save(UserTwoFactor.empty(user)))
        .isInstanceOf(StaleStateException.class);
    assertThat(store().load(user).failedAttempts()).isEqualTo(1);
  }

  @Test
  void save_concurrentWritersOfOneVersionExactlyOneWins() throws Exception {
    String user = newUser();
    UserTwoFactor base = store().save(UserTwoFactor.empty(user));
    int writers = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < writers; i++) {
        int attempts = i;
        Callable<Boolean> write =
            () -> {
              start.await();
              try {
                store().save(base.toBuilder().failedAttempts(attempts).build());
                return true;
              } catch (StaleStateException lost) {
                return false;
              }
            };
        results.add(pool.submit(write));
      }
      start.countDown();
      int wins = 0;
      for (Future<Boolean> result : results) {
        wins += result.get() ? 1 : 0;
      }
      assertThat(wins).isEqualTo(1);
      assertThat(store().load(user).version()).isEqualTo(2);
    } finally {
      pool.shutdownNow();
    }
  }
}
