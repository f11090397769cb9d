package com.twofactor.core.service;

import com.twofactor.core.org.Role;
import java.time.Instant;
import java.util.List;

/** What GET /two-factor shows: no secret, no full phone number. */
public record TwoFactorStatus(
    boolean enabled,
    MethodStatus totp,
    MethodStatus sms,
    BackupCodeSummary backupCodes,
    List<OrgRequirement> requiredBy,
    Instant lockedUntil) {

  public TwoFactorStatus {
    requiredBy = List.copyOf(requiredBy);
  }

  /**
   * An org whose requirement applies to the user, as owner or member; {@code graceEndsAt} is when a
   * member without 2FA loses access (null for owners, who must have 2FA all along).
   */
  public record OrgRequirement(String orgId, String name, Role role, Instant graceEndsAt) {}

  /** A method's state; {@code phoneHint} only for SMS, {@code confirmedAt} only when active. */
  public record MethodStatus(State status, Instant confirmedAt, String phoneHint) {
    public static final MethodStatus NONE = new MethodStatus(State.NONE, null, null);
  }

  /**
   * How many backup codes are left of how many, and when the set was made; {@code runningLow} when
   * so few are left that the user should make new ones.
   */
  public record BackupCodeSummary(
      int remaining, int total, Instant generatedAt, boolean runningLow) {
    public static final BackupCodeSummary NONE = new BackupCodeSummary(0, 0, null, false);
  }

  /** The lifecycle of a method. */
  public enum State {
    NONE("none"),
    PENDING("pending"),
    ACTIVE("active");

    private final String wireName;

    State(String wireName) {
      this.wireName = wireName;
    }

    public String wireName() {
      return wireName;
    }
  }
}
