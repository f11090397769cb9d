package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the service knows about one user's second factors, read and written as a unit.
 *
 * <p>{@code version} is the optimistic-locking token: a store writes a new state only when the
 * stored version still equals the one that was read (0 means "nothing stored yet"), so concurrent
 * requests cannot lose each other's updates or use a code twice (DESIGN.md rule 6).
 */
public record UserTwoFactor(
    String userId,
    long version,
    ActiveTotp totp,
    PendingTotp pendingTotp,
    int failedAttempts,
    Instant lockedUntil) {

  public UserTwoFactor {
    Objects.requireNonNull(userId, "userId");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative");
    }
  }

  /** The state of a user the store has never seen. */
  public static UserTwoFactor empty(String userId) {
    return new UserTwoFactor(userId, 0, null, null, 0, null);
  }

  public Optional<ActiveTotp> activeTotp() {
    return Optional.ofNullable(totp);
  }

  /** The pending TOTP set-up, if one exists and has not expired at {@code now}. */
  public Optional<PendingTotp> livePendingTotp(Instant now) {
    return Optional.ofNullable(pendingTotp).filter(p -> p.isLiveAt(now));
  }

  /** True when at least one second factor is active. */
  public boolean enabled() {
    return totp != null;
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Copies a state with some fields changed; the version is carried over untouched. */
  public static final class Builder {
    private final String userId;
    private final long version;
    private ActiveTotp totp;
    private PendingTotp pendingTotp;
    private int failedAttempts;
    private Instant lockedUntil;

    private Builder(UserTwoFactor from) {
      this.userId = from.userId;
      this.version = from.version;
      this.totp = from.totp;
      this.pendingTotp = from.pendingTotp;
      this.failedAttempts = from.failedAttempts;
      this.lockedUntil = from.lockedUntil;
    }

    public Builder totp(ActiveTotp value) {
      this.totp = value;
      return this;
    }

    public Builder pendingTotp(PendingTotp value) {
      this.pendingTotp = value;
      return this;
    }

    public Builder failedAttempts(int value) {
      this.failedAttempts = value;
      return this;
    }

    public Builder lockedUntil(Instant value) {
      this.lockedUntil = value;
      return this;
    }

    public UserTwoFactor build() {
      return new UserTwoFactor(userId, version, totp, pendingTotp, failedAttempts, lockedUntil);
    }
  }
}
