package com.twofactor.core.port;

import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Durable home of organizations and memberships. Thread-safe; failures of the underlying service
 * surface as {@code DependencyUnavailableException}.
 */
public interface OrgStore {

  Optional<Org> findOrg(String orgId);

  /** The orgs with these ids that exist, by id: one batch read. */
  Map<String, Org> findOrgs(Collection<String> orgIds);

  /**
   * Writes {@code org} if the stored version still equals {@code org.version()} (0: it must not
   * exist yet).
   *
   * @return the org as stored, version incremented
   * @throws StaleStateException when another writer got there first; nothing was written
   */
  Org saveOrg(Org org);

  Optional<Membership> findMembership(String orgId, String userId);

  void putMembership(Membership membership);

  void deleteMembership(String orgId, String userId);

  /** A page of an org's members in user-id order, after {@code afterUserId} (null: from start). */
  MemberPage listMembers(String orgId, String afterUserId, int limit);

  /** The ids of the orgs {@code userId} belongs to. */
  List<String> orgIdsOf(String userId);

  /** A page of memberships and, when there may be more, the last user id of this page. */
  record MemberPage(List<Membership> members, String lastUserId) {
    public MemberPage {
      members = List.copyOf(members);
    }
  }
}
