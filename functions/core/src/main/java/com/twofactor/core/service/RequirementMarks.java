package com.twofactor.core.service;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.TwoFactorStore;
import java.util.HashSet;
import java.util.Set;

/**
 * Marks and unmarks, in a user's own state, that an org requires them (as an owner) to keep 2FA.
 * Marking is a conditional write that checks 2FA is on in the same state, so it serializes with
 * disabling, which checks the marks in its own conditional write of that state.
 */
final class RequirementMarks {
  private final StateUpdates updates;

  RequirementMarks(TwoFactorStore store, AuditLog audit) {
    this.updates = new StateUpdates(store, audit);
  }

  /** Marks {@code userId} for {@code orgId} if they have 2FA; false (and no write) if not. */
  boolean mark(String userId, String orgId) {
    return updates.apply(
        userId,
        state -> {
          if (!state.enabled()) {
            return Decision.grant(null, false);
          }
          return Decision.grant(with(state, orgId, true), true);
        });
  }

  void unmark(String userId, String orgId) {
    updates.apply(userId, state -> Decision.grant(with(state, orgId, false), null));
  }

  private static UserTwoFactor with(UserTwoFactor state, String orgId, boolean marked) {
    Set<String> orgs = new HashSet<>(state.requiredBy());
    if (marked) {
      orgs.add(orgId);
    } else {
      orgs.remove(orgId);
    }
    return state.toBuilder().requiredBy(orgs).build();
  }
}
