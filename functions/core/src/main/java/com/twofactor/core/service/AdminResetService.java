package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Org;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.TwoFactorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Account recovery by an administrator, for a user who lost every factor and the backup codes: one
 * conditional write removes every factor, pending set-up, outstanding SMS code and the backup
 * codes, and clears the lockout; the audit record names the trusted back end, the person who asked
 * ({@code actor}) and why.
 *
 * <p>Owners of an org that requires 2FA are refused with {@code two_factor_required_by_org}: the
 * requirement's marks live in the user's own state and are checked in the same conditional write
 * (as for "Disable 2FA"), so a reset can never race past a requirement switch and leave a requiring
 * org with an owner without 2FA. Members are not bound: the write records an {@link AdminReset},
 * from which their grace period in every requiring org starts again (see {@link OrgService}).
 *
 * <p>Thread-safe; stateless apart from its collaborators.
 */
public final class AdminResetService {
  private final OrgStore orgs;
  private final Clock clock;
  private final BackupCodePolicy backupPolicy;
  private final StateUpdates updates;

  public AdminResetService(
      TwoFactorStore store,
      OrgStore orgs,
      AuditLog audit,
      Clock clock,
      BackupCodePolicy backupPolicy) {
    this.orgs = orgs;
    this.clock = clock;
    this.backupPolicy = backupPolicy;
    this.updates = new StateUpdates(store, audit);
  }

  /**
   * Resets {@code userId}'s two-factor state.
   *
   * @param backend the trusted back end that called, for the audit trail
   * @param actor the person (or system) on whose behalf it called, validated by the edge
   * @param reason why, validated by the edge; audited, never published
   * @return the user's status afterwards
   * @throws TwoFactorException {@code not_found} when nothing was ever stored for the user; {@code
   *     two_factor_required_by_org} (with the org ids) for an owner of a requiring org
   */
  public TwoFactorStatus reset(String backend, String userId, String actor, String reason) {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(reason, "reason");
    List<Org> requiring = requiringOrgsOf(userId);
    return updates.apply(
        userId,
        state -> {
          if (state.version() == 0) {
            throw new TwoFactorException(
                ErrorCode.NOT_FOUND, "There is no two-factor state for this user.");
          }
          Set<String> owned = new TreeSet<>(state.requiredBy());
          requiring.stream().filter(o -> o.isOwner(userId)).forEach(o -> owned.add(o.orgId()));
          if (!owned.isEmpty()) {
            throw ListedConflictException.ownerOfRequiringOrgs(List.copyOf(owned));
          }
          Instant now = clock.instant();
          List<String> removed = activeMethods(state);
          UserTwoFactor.Builder next =
              state.toBuilder()
                  .totp(null)
                  .pendingTotp(null)
                  .sms(null)
                  .pendingSms(null)
                  .smsCode(null)
                  .backupCodes(null)
                  .failedAttempts(0)
                  .lockedUntil(null);
          if (!removed.isEmpty()) {
            // Only a reset that removed a factor restarts grace: resetting a user who already had
            // none must not lend them more time.
            next.lastAdminReset(new AdminReset(now, actor, graceEnds(requiring, now)));
          }
          UserTwoFactor reset = next.build();
          Map<String, String> details = new LinkedHashMap<>();
          details.put("requestedBy", actor);
          details.put("reason", reason);
          details.put("methods", removed.isEmpty() ? "none" : String.join(",", removed));
          return Decision.grant(
              reset,
              StatusService.describe(reset, now, backupPolicy),
              new AuditEvent(
                  now,
                  backend,
                  "two_factor.admin_reset",
                  userId,
                  AuditEvent.Outcome.SUCCESS,
                  details));
        });
  }

  private static List<String> activeMethods(UserTwoFactor state) {
    List<String> methods = new ArrayList<>();
    if (state.totp() != null) {
      methods.add(Method.TOTP.wireName());
    }
    if (state.sms() != null) {
      methods.add(Method.SMS.wireName());
    }
    return methods;
  }

  /** For each requiring org (the user is a member there, not an owner): now plus its grace. */
  private static Map<String, Instant> graceEnds(List<Org> requiring, Instant now) {
    Map<String, Instant> ends = new HashMap<>();
    for (Org org : requiring) {
      ends.put(org.orgId(), now.plus(Duration.ofHours(org.gracePeriodHours())));
    }
    return ends;
  }

  /** The user's orgs that require 2FA now: one index query and one batch read. */
  private List<Org> requiringOrgsOf(String userId) {
    List<String> ids = orgs.orgIdsOf(userId);
    if (ids.isEmpty()) {
      return List.of();
    }
    return orgs.findOrgs(ids).values().stream().filter(Org::required).toList();
  }
}
