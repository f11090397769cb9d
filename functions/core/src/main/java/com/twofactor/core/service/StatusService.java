package com.twofactor.core.service;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.TwoFactorStatus.MethodStatus;
import com.twofactor.core.service.TwoFactorStatus.State;
import java.time.Clock;
import java.time.Instant;

/**
 * Reads a user's status: one store read, no decryption (DESIGN.md budget: status at most 1 call).
 */
public final class StatusService {
  private final TwoFactorStore store;
  private final Clock clock;
  private final BackupCodePolicy backupPolicy;

  public StatusService(TwoFactorStore store, Clock clock, BackupCodePolicy backupPolicy) {
    this.store = store;
    this.clock = clock;
    this.backupPolicy = backupPolicy;
  }

  public TwoFactorStatus status(String userId) {
    return describe(store.load(userId), clock.instant(), backupPolicy);
  }

  static TwoFactorStatus describe(UserTwoFactor state, Instant now, BackupCodePolicy policy) {
    MethodStatus totp =
        state
            .activeTotp()
            .map(t -> new MethodStatus(State.ACTIVE, t.confirmedAt(), null))
            .orElseGet(
                () ->
                    state
                        .livePendingTotp(now)
                        .map(p -> new MethodStatus(State.PENDING, null, null))
                        .orElse(MethodStatus.NONE));
    MethodStatus sms =
        state
            .activeSms()
            .map(a -> new MethodStatus(State.ACTIVE, a.confirmedAt(), a.phoneHint()))
            .orElseGet(
                () ->
                    state
                        .livePendingSms(now)
                        .map(p -> new MethodStatus(State.PENDING, null, p.phoneHint()))
                        .orElse(MethodStatus.NONE));
    return new TwoFactorStatus(
        state.enabled(),
        totp,
        sms,
        state
            .backupCodeSet()
            .map(
                set ->
                    new TwoFactorStatus.BackupCodes(
                        set.remaining(),
                        set.total(),
                        set.generatedAt(),
                        set.remaining() <= policy.lowWatermark()))
            .orElse(TwoFactorStatus.BackupCodes.NONE),
        state.requiredBy().stream().sorted().toList(),
        state.isLockedAt(now) ? state.lockedUntil() : null);
  }
}
