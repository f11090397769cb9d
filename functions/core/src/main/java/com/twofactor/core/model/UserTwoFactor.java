package com.twofactor.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the service knows about one user's second factors, read and written as a unit.
 *
 * <p>Immutable. A new field is a component here plus its line in {@link Builder}, and its attribute
 * in the store's item mapping (docs/data-model.md); a field of one factor belongs in that factor's
 * record ({@link ActiveTotp}, {@link ActiveSms}, ...), which needs no change here at all.
 *
 * <p>{@code version} is the optimistic-locking token: a store writes a new state only when the
 * stored version still equals the one that was read (0 means "nothing stored yet"), so concurrent
 * requests cannot lose each other's updates or use a code twice (docs/security-rules.md rule 6).
 *
 * @param smsSentAt when SMS codes were sent within the last hour, oldest first (rate limits)
 * @param requiredBy the orgs that require this user, as one of their owners, to keep 2FA: marked in
 *     this state by the conditional write that checked 2FA was on, so disabling (also a conditional
 *     write of this state) and an org's requirement switch can never both win
 * @param lastAdminReset the last admin reset that removed a factor, or null (see {@link
 *     AdminReset})
 */
public record UserTwoFactor(
    String userId,
    long version,
    ActiveTotp totp,
    PendingTotp pendingTotp,
    ActiveSms sms,
    PendingSms pendingSms,
    SmsCode smsCode,
    List<Instant> smsSentAt,
    BackupCodeSet backupCodes,
    Set<String> requiredBy,
    int failedAttempts,
    Instant lockedUntil,
    AdminReset lastAdminReset) {

  public UserTwoFactor {
    Objects.requireNonNull(userId, "userId");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    if (failedAttempts < 0) {
      throw new IllegalArgumentException("failedAttempts must not be negative");
    }
    smsSentAt = smsSentAt == null ? List.of() : List.copyOf(smsSentAt);
    requiredBy = requiredBy == null ? Set.of() : Set.copyOf(requiredBy);
  }

  /** The state of a user the store has never seen. */
  public static UserTwoFactor empty(String userId) {
    return new Builder(userId).build();
  }

  /** The same state at another version, as a store returns it after a write. */
  public UserTwoFactor withVersion(long newVersion) {
    Builder copy = toBuilder();
    copy.version = newVersion;
    return copy.build();
  }

  public Optional<BackupCodeSet> backupCodeSet() {
    return Optional.ofNullable(backupCodes);
  }

  public Optional<ActiveTotp> activeTotp() {
    return Optional.ofNullable(totp);
  }

  /** The pending TOTP set-up, if one exists and has not expired at {@code now}. */
  public Optional<PendingTotp> livePendingTotp(Instant now) {
    return Optional.ofNullable(pendingTotp).filter(p -> p.isLiveAt(now));
  }

  public Optional<ActiveSms> activeSms() {
    return Optional.ofNullable(sms);
  }

  /** The pending phone, if one exists and has not expired at {@code now}. */
  public Optional<PendingSms> livePendingSms(Instant now) {
    return Optional.ofNullable(pendingSms).filter(p -> p.isLiveAt(now));
  }

  /** The outstanding SMS code for {@code purpose}, if it is still usable at {@code now}. */
  public Optional<SmsCode> liveSmsCode(SmsCode.Purpose purpose, Instant now) {
    return Optional.ofNullable(smsCode).filter(c -> c.purpose() == purpose && c.isLiveAt(now));
  }

  /** True when at least one second factor is active. */
  public boolean enabled() {
    return totp != null || sms != null;
  }

  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /**
   * Copies a state with some fields changed; the version is carried over untouched. The one place
   * that calls the canonical constructor: a new component is added here (a field, a line in the
   * copy, a setter, an argument of {@link #build}) and nowhere else in this class. Not thread-safe.
   */
  public static final class Builder {
    private final String userId;
    private long version;
    private ActiveTotp totp;
    private PendingTotp pendingTotp;
    private ActiveSms sms;
    private PendingSms pendingSms;
    private SmsCode smsCode;
    private List<Instant> smsSentAt;
    private BackupCodeSet backupCodes;
    private Set<String> requiredBy;
    private int failedAttempts;
    private Instant lockedUntil;
    private AdminReset lastAdminReset;

    private Builder(String userId) {
      this.userId = userId;
      this.smsSentAt = List.of();
      this.requiredBy = Set.of();
    }

    private Builder(UserTwoFactor from) {
      this.userId = from.userId;
      this.version = from.version;
      this.totp = from.totp;
      this.pendingTotp = from.pendingTotp;
      this.sms = from.sms;
      this.pendingSms = from.pendingSms;
      this.smsCode = from.smsCode;
      this.smsSentAt = from.smsSentAt;
      this.backupCodes = from.backupCodes;
      this.requiredBy = from.requiredBy;
      this.failedAttempts = from.failedAttempts;
      this.lockedUntil = from.lockedUntil;
      this.lastAdminReset = from.lastAdminReset;
    }

    public Builder totp(ActiveTotp value) {
      this.totp = value;
      return this;
    }

    public Builder pendingTotp(PendingTotp value) {
      this.pendingTotp = value;
      return this;
    }

    public Builder sms(ActiveSms value) {
      this.sms = value;
      return this;
    }

    public Builder pendingSms(PendingSms value) {
      this.pendingSms = value;
      return this;
    }

    public Builder smsCode(SmsCode value) {
      this.smsCode = value;
      return this;
    }

    public Builder smsSentAt(List<Instant> value) {
      this.smsSentAt = value;
      return this;
    }

    public Builder backupCodes(BackupCodeSet value) {
      this.backupCodes = value;
      return this;
    }

    public Builder requiredBy(Set<String> value) {
      this.requiredBy = value;
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

    public Builder lastAdminReset(AdminReset value) {
      this.lastAdminReset = value;
      return this;
    }

    public UserTwoFactor build() {
      return new UserTwoFactor(
          userId,
          version,
          totp,
          pendingTotp,
          sms,
          pendingSms,
          smsCode,
          smsSentAt,
          backupCodes,
          requiredBy,
          failedAttempts,
          lockedUntil,
          lastAdminReset);
    }
  }
}
