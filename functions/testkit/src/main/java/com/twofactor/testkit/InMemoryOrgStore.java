package com.twofactor.testkit;

import com.twofactor.core.events.StoredChange;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Affiliation;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.port.OrgCommit;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.StaleStateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link OrgStore} in maps, with the DynamoDB store's semantics. Thread-safe: a {@link #commit}
 * checks every condition and applies every write while holding the user store's lock (so no save of
 * a user state interleaves) and this store's own. Org writes are reported to change listeners, like
 * {@link InMemoryTwoFactorStore}'s.
 */
public final class InMemoryOrgStore implements OrgStore {
  private final InMemoryTwoFactorStore users;
  private final List<Consumer<StoredChange>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, Org> orgs = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentNavigableMap<String, Membership>> members =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentMap<String, Invitation>> invitations =
      new ConcurrentHashMap<>();

  /** {@code users}: the store whose states (requirement marks) commits write. */
  public InMemoryOrgStore(InMemoryTwoFactorStore users) {
    this.users = users;
  }

  /** Calls {@code listener} with each org write from now on. */
  public void onChange(Consumer<StoredChange> listener) {
    listeners.add(listener);
  }

  @Override
  public Optional<Org> findOrg(String orgId) {
    return Optional.ofNullable(orgs.get(orgId));
  }

  @Override
  public Map<String, Org> findOrgs(Collection<String> orgIds) {
    Map<String, Org> found = new HashMap<>();
    orgIds.forEach(id -> findOrg(id).ifPresent(org -> found.put(id, org)));
    return found;
  }

  @Override
  public Optional<Membership> findMembership(String orgId, String userId) {
    return Optional.ofNullable(membersOf(orgId).get(userId));
  }

  @Override
  public Optional<Invitation> findInvitation(String orgId, String userId) {
    return Optional.ofNullable(invitationsIn(orgId).get(userId));
  }

  @Override
  public void commit(OrgCommit commit) {
    users.atomically(
        () -> {
          synchronized (this) {
            check(commit);
            apply(commit);
          }
        });
  }

  private void check(OrgCommit commit) {
    Org org = commit.org();
    Org stored = orgs.get(org.orgId());
    if ((stored == null ? 0 : stored.version()) != org.version()) {
      throw new StaleStateException(org.orgId(), org.version());
    }
    for (OrgCommit.Change<Membership> change : commit.memberships()) {
      expect(membersOf(org.orgId()).containsKey(change.userId()), change, org);
    }
    for (OrgCommit.Change<Invitation> change : commit.invitations()) {
      expect(invitationsIn(org.orgId()).containsKey(change.userId()), change, org);
    }
    for (UserTwoFactor state : commit.states()) {
      if (users.versionOf(state.userId()) != state.version()) {
        throw new StaleStateException(state.userId(), state.version());
      }
    }
  }

  private static void expect(boolean present, OrgCommit.Change<?> change, Org org) {
    if (present != (change.before() != null)) {
      throw new StaleStateException(org.orgId(), org.version());
    }
  }

  private void apply(OrgCommit commit) {
    Org org = commit.org();
    Org saved = org.withVersion(org.version() + 1);
    Org stored = orgs.put(org.orgId(), saved);
    StoredChange orgChange = new StoredChange.OrgChange(stored, saved);
    listeners.forEach(l -> l.accept(orgChange));
    for (OrgCommit.Change<Membership> change : commit.memberships()) {
      if (change.after() == null) {
        membersOf(org.orgId()).remove(change.userId());
      } else {
        membersOf(org.orgId()).put(change.userId(), change.after());
      }
    }
    for (OrgCommit.Change<Invitation> change : commit.invitations()) {
      if (change.after() == null) {
        invitationsIn(org.orgId()).remove(change.userId());
      } else {
        invitationsIn(org.orgId()).put(change.userId(), change.after());
      }
    }
    commit.states().forEach(users::save);
  }

  @Override
  public MemberPage listMembers(String orgId, String afterUserId, int limit) {
    ConcurrentNavigableMap<String, Membership> all = membersOf(orgId);
    Collection<Membership> tail =
        afterUserId == null ? all.values() : all.tailMap(afterUserId, false).values();
    List<Membership> page = new ArrayList<>();
    for (Membership m : tail) {
      if (page.size() == limit) {
        return new MemberPage(page, page.get(page.size() - 1).userId());
      }
      page.add(m);
    }
    return new MemberPage(page, null);
  }

  @Override
  public List<String> orgIdsOf(String userId) {
    List<String> ids = new ArrayList<>();
    members.forEach(
        (orgId, byUser) -> {
          if (byUser.containsKey(userId)) {
            ids.add(orgId);
          }
        });
    return ids;
  }

  @Override
  public List<Affiliation> affiliationsOf(String userId) {
    List<Affiliation> found = new ArrayList<>();
    for (String orgId : orgIdsOf(userId)) {
      Org org = orgs.get(orgId);
      Membership membership = membersOf(orgId).get(userId);
      if (org != null && membership != null) {
        found.add(new Affiliation(org, membership));
      }
    }
    return found;
  }

  @Override
  public List<PendingInvitation> invitationsOf(String userId) {
    List<PendingInvitation> found = new ArrayList<>();
    invitations.forEach(
        (orgId, byUser) -> {
          Invitation invitation = byUser.get(userId);
          Org org = orgs.get(orgId);
          if (invitation != null && org != null) {
            found.add(new PendingInvitation(invitation, org.name()));
          }
        });
    found.sort((a, b) -> a.invitation().orgId().compareTo(b.invitation().orgId()));
    return found;
  }

  private ConcurrentNavigableMap<String, Membership> membersOf(String orgId) {
    return members.computeIfAbsent(
        Objects.requireNonNull(orgId), id -> new ConcurrentSkipListMap<>());
  }

  private ConcurrentMap<String, Invitation> invitationsIn(String orgId) {
    return invitations.computeIfAbsent(orgId, id -> new ConcurrentHashMap<>());
  }
}
