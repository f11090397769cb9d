package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.TwoFactorStatus.OrgRequirement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * "Disable 2FA", or removing one method. Needs a fresh second factor. Turning 2FA off is refused
 * while an org of the user requires it: for owners through the marks in their own state (checked in
 * the same conditional write, so it cannot race past a requirement switch), for members through
 * their memberships. Thread-safe: it keeps no state between calls.
 */
public final class DisableService {
  private final TwoFactorStore store;
  private final OrgStore orgs;
  private final Clock clock;
  private final VerificationService verification;
  private final BackupCodePolicy backupPolicy;
  private final StateUpdates updates;

  public DisableService(
      TwoFactorStore store,
      OrgStore orgs,
      AuditLog audit,
      Clock clock,
      VerificationService verification,
      BackupCodePolicy backupPolicy) {
    this.store = store;
    this.orgs = orgs;
    this.clock = clock;
    this.verification = verification;
    this.backupPolicy = backupPolicy;
    this.updates = new StateUpdates(store, audit);
  }

  /**
   * Removes {@code method} (TOTP or SMS), or every factor and the backup codes when empty. Removing
   * the last method turns 2FA off and removes the backup codes too.
   */
  public TwoFactorStatus disable(String userId, Proof proof, Optional<Method> method) {
    List<OrgRequirement> requirements =
        StatusService.requirements(orgs.affiliationsOf(userId), store.load(userId));
    Set<String> requiringOrgs = new HashSet<>();
    requirements.forEach(r -> requiringOrgs.add(r.orgId()));
    // Every refusal is decided on the state a round read before the proof is looked at, and the
    // proof is spent only by the write that removes the factors: a refused disable spends nothing.
    try (ProofCheck check = verification.check(userId, proof)) {
      return updates.apply(
          userId,
          state -> {
            Instant now = clock.instant();
            allowed(state, method, requiringOrgs);
            return check.spendThen(
                state,
                now,
                userId,
                spent -> {
                  UserTwoFactor next = allowed(spent.next(), method, requiringOrgs);
                  if (!next.enabled()) {
                    next =
                        next.toBuilder()
                            .backupCodes(null)
                            .requiredBy(Set.of())
                            .smsCode(null)
                            .pendingTotp(null)
                            .pendingSms(null)
                            .build();
                  }
                  return Decision.grant(
                      next,
                      StatusService.describe(
                          next, next.enabled() ? requirements : List.of(), now, backupPolicy),
                      new AuditEvent(
                          now,
                          userId,
                          next.enabled() ? "two_factor.method_removed" : "two_factor.disable",
                          userId,
                          AuditEvent.Outcome.SUCCESS,
                          Map.of("method", method.map(Method::wireName).orElse("all"))));
                });
          });
    }
  }

  /** {@code state} without the method; refused when that is not set up or 2FA must stay on. */
  private static UserTwoFactor allowed(
      UserTwoFactor state, Optional<Method> method, Set<String> requiringOrgs) {
    UserTwoFactor next = without(state, method);
    if (!next.enabled()) {
      List<String> binding = binding(state, requiringOrgs);
      if (!binding.isEmpty()) {
        throw ListedConflictException.requiredByOrgs(binding);
      }
    }
    return next;
  }

  private static UserTwoFactor without(UserTwoFactor state, Optional<Method> method) {
    if (method.isEmpty()) {
      return state.toBuilder().totp(null).sms(null).build();
    }
    return switch (method.get()) {
      case TOTP -> {
        if (state.totp() == null) {
          throw notSetUp();
        }
        yield state.toBuilder().totp(null).pendingTotp(null).build();
      }
      case SMS -> {
        if (state.sms() == null) {
          throw notSetUp();
        }
        yield state.toBuilder().sms(null).pendingSms(null).smsCode(null).build();
      }
      case BACKUP_CODE -> throw notSetUp();
    };
  }

  /**
   * The orgs that forbid turning 2FA off: those the user belongs to that require it, and every org
   * whose requirement mark is in the user's state. Every mark counts, whatever the org reads now: a
   * mark is set and cleared only by its org's own transaction (the switch, a promotion, a removal),
   * so none is left behind, and honouring each one is what keeps a disable from racing past a
   * switch-on that has not been read yet.
   */
  private static List<String> binding(UserTwoFactor state, Set<String> requiringOrgs) {
    Set<String> binding = new TreeSet<>(requiringOrgs);
    binding.addAll(state.requiredBy());
    return List.copyOf(binding);
  }

  private static TwoFactorException notSetUp() {
    return new TwoFactorException(ErrorCode.NOT_FOUND, "That method is not set up.");
  }
}
