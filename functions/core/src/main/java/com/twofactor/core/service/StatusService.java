package com.twofactor.core.service;

import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Affiliation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.TwoFactorStatus.MethodStatus;
import com.twofactor.core.service.TwoFactorStatus.OrgRequirement;
import com.twofactor.core.service.TwoFactorStatus.State;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Reads a user's status and the orgs whose requirement applies to them: no decryption, at most 3
 * store calls (DynamoDB: the state, the user's memberships index, one batch read of those orgs and
 * memberships). Thread-safe.
 */
public final class StatusService {
  private final TwoFactorStore store;
  private final OrgStore orgs;
  private final Clock clock;
  private final BackupCodePolicy backupPolicy;

  public StatusService(
      TwoFactorStore store, OrgStore orgs, Clock clock, BackupCodePolicy backupPolicy) {
    this.store = store;
    this.orgs = orgs;
    this.clock = clock;
    this.backupPolicy = backupPolicy;
  }

  public TwoFactorStatus status(String userId) {
    UserTwoFactor state = store.load(userId);
    return describe(
        state, requirements(orgs.affiliationsOf(userId), state), clock.instant(), backupPolicy);
  }

  /**
   * The status from the user's own state alone, with an empty {@code requiredBy}: one read, for
   * callers whose permissions stop at the user's item (SnapStart priming in every function).
   */
  public TwoFactorStatus ownState(String userId) {
    return describe(store.load(userId), clock.instant(), backupPolicy);
  }

  /** The orgs among {@code affiliations} that require 2FA, by org id. */
  static List<OrgRequirement> requirements(List<Affiliation> affiliations, UserTwoFactor state) {
    return affiliations.stream()
        .filter(a -> a.org().required())
        .map(
            a -> {
              Org org = a.org();
              boolean owner =
                  org.isOwner(a.membership().userId()) || a.membership().role() == Role.OWNER;
              return new OrgRequirement(
                  org.orgId(),
                  org.name(),
                  owner ? Role.OWNER : Role.MEMBER,
                  owner ? null : graceEndsAt(org, a.membership(), state));
            })
        .sorted(Comparator.comparing(OrgRequirement::orgId))
        .toList();
  }

  /**
   * When a member's grace ends: the org's grace period from the latest of the requirement, the
   * membership and the user's last admin reset (a member whose factors an administrator removed
   * gets the grace period again from then on).
   */
  static Instant graceEndsAt(Org org, Membership membership, UserTwoFactor state) {
    Instant start =
        membership.joinedAt().isAfter(org.requiredSince())
            ? membership.joinedAt()
            : org.requiredSince();
    AdminReset reset = state.lastAdminReset();
    if (reset != null && reset.at().isAfter(start)) {
      start = reset.at();
    }
    return start.plus(Duration.ofHours(org.gracePeriodHours()));
  }

  /** The status without the org requirements (answers that do not read the orgs). */
  static TwoFactorStatus describe(UserTwoFactor state, Instant now, BackupCodePolicy policy) {
    return describe(state, List.of(), now, policy);
  }

  static TwoFactorStatus describe(
      UserTwoFactor state, List<OrgRequirement> requiredBy, Instant now, BackupCodePolicy policy) {
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
                    new TwoFactorStatus.BackupCodeSummary(
                        set.remaining(),
                        set.total(),
                        set.generatedAt(),
                        set.remaining() <= policy.lowWatermark()))
            .orElse(TwoFactorStatus.BackupCodeSummary.NONE),
        requiredBy,
        state.isLockedAt(now) ? state.lockedUntil() : null);
  }
}
