package com.twofactor.core.port;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything one org operation changes, written all together or not at all (DynamoDB: one
 * TransactWriteItems). Each part carries the condition it was decided on, so a commit made from a
 * stale read is refused as a whole with {@link StaleStateException}:
 *
 * <ul>
 *   <li>{@code org} is written over the version it was read at ({@code org.version()}; 0: it must
 *       not exist yet). Every commit writes the org, so all changes of one org are serialized.
 *   <li>each membership and invitation change expects the item present ({@code before} not null) or
 *       absent, and writes {@code after} (null: deletes it).
 *   <li>each user state (the per-user requirement marks) is written over the version it was read
 *       at, which also serializes the commit with that user's own changes, such as disabling 2FA.
 * </ul>
 */
public record OrgCommit(
    Org org,
    List<Change<Membership>> memberships,
    List<Change<Invitation>> invitations,
    List<UserTwoFactor> states) {

  public OrgCommit {
    Objects.requireNonNull(org, "org");
    memberships = List.copyOf(memberships);
    invitations = List.copyOf(invitations);
    states = List.copyOf(states);
    Set<String> users = new HashSet<>();
    for (UserTwoFactor state : states) {
      if (!users.add(state.userId())) {
        throw new IllegalArgumentException("one state per user and commit");
      }
    }
  }

  /** The change of one membership or invitation of {@code userId} in the commit's org. */
  public record Change<T>(String userId, T before, T after) {
    public Change {
      Objects.requireNonNull(userId, "userId");
    }
  }
}
