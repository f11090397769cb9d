package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.OrgCommit;
import com.twofactor.core.port.TwoFactorStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the one commit that changes a user's membership, keeping the three records of ownership in
 * step: the membership's role, the org's owner list, and (while the org requires 2FA) the
 * requirement mark in the owner's own state. Only a user with 2FA on can become owner of a
 * requiring org; the last owner can never go. Stateless and thread-safe.
 */
final class MembershipCommits {
  /** A switch marks every owner in one transaction, which DynamoDB caps at 100 items. */
  static final int MAX_OWNERS = 50;

  private final TwoFactorStore users;

  MembershipCommits(TwoFactorStore users) {
    this.users = users;
  }

  /**
   * The commit that takes {@code userId} from membership {@code before} to {@code after} (either
   * null: not a member), with the invitation changes that go with it.
   */
  OrgCommit move(
      Org org,
      String userId,
      Membership before,
      Membership after,
      List<OrgCommit.Change<Invitation>> invitations) {
    boolean owner = after != null && after.role() == Role.OWNER;
    List<String> owners = new ArrayList<>(org.owners());
    if (owner && !owners.contains(userId)) {
      if (owners.size() >= MAX_OWNERS) {
        throw new InvalidRequestException("role", "an org has at most " + MAX_OWNERS + " owners");
      }
      owners.add(userId);
    } else if (!owner && owners.contains(userId)) {
      if (owners.size() == 1) {
        throw lastOwner();
      }
      owners.remove(userId);
    }
    List<UserTwoFactor> states = new ArrayList<>();
    UserTwoFactor state = users.load(userId);
    boolean marked = owner && org.required();
    if (marked && !state.enabled()) {
      throw ListedConflictException.ownersWithoutTwoFactor(List.of(userId));
    }
    if (state.requiredBy().contains(org.orgId()) != marked) {
      states.add(mark(state, org.orgId(), marked));
    } else if (marked) {
      // Unchanged, but written over its version so a concurrent disable cannot slip past.
      states.add(state);
    }
    List<OrgCommit.Change<Membership>> memberships =
        before == null && after == null
            ? List.of()
            : List.of(new OrgCommit.Change<>(userId, before, after));
    return new OrgCommit(org.withOwners(owners), memberships, invitations, states);
  }

  /** {@code state} with the requirement mark of {@code orgId} set or cleared. */
  static UserTwoFactor mark(UserTwoFactor state, String orgId, boolean marked) {
    Set<String> orgs = new HashSet<>(state.requiredBy());
    if (marked) {
      orgs.add(orgId);
    } else {
      orgs.remove(orgId);
    }
    return state.toBuilder().requiredBy(orgs).build();
  }

  static TwoFactorException lastOwner() {
    return new TwoFactorException(
        ErrorCode.LAST_OWNER, "The last owner cannot leave or step down; add another first.");
  }
}
