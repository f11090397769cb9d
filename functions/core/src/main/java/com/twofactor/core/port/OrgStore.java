package com.twofactor.core.port;

import com.twofactor.core.org.Affiliation;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable home of organizations, memberships and invitations. Every change goes through {@link
 * #commit}, which writes all of an operation's items (org, memberships, invitations, and the users'
 * requirement marks) atomically and under the conditions they were decided on. Thread-safe;
 * failures of the underlying service surface as {@code DependencyUnavailableException}.
 */
public interface OrgStore {

  Optional<Org> findOrg(String orgId);

  /** The orgs with these ids that exist, by id: one batch read. */
  Map<String, Org> findOrgs(Collection<String> orgIds);

  Optional<Membership> findMembership(String orgId, String userId);

  Optional<Invitation> findInvitation(String orgId, String userId);

  /**
   * Writes the whole commit, or nothing.
   *
   * @throws StaleStateException when any of its conditions no longer holds (another writer got
   *     there first); nothing was written
   */
  void commit(OrgCommit commit);

  /** A page of an org's members in user-id order, after {@code afterUserId} (null: from start). */
  MemberPage listMembers(String orgId, String afterUserId, int limit);

  /** The ids of the orgs {@code userId} belongs to (invitations not included). */
  List<String> orgIdsOf(String userId);

  /** The user's memberships with their orgs: DynamoDB, one index query and one batch read. */
  List<Affiliation> affiliationsOf(String userId);

  /** The invitations waiting for {@code userId}'s answer, with the orgs' names. */
  List<PendingInvitation> invitationsOf(String userId);

  /** An invitation with the name of its org, as the invitee sees it. */
  record PendingInvitation(Invitation invitation, String orgName) {}

  /** A page of memberships and, when there may be more, the last user id of this page. */
  record MemberPage(List<Membership> members, String lastUserId) {
    public MemberPage {
      members = List.copyOf(members);
    }
  }
}
