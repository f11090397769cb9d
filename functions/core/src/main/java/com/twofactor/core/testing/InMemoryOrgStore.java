package com.twofactor.core.testing;

import com.twofactor.core.events.StoredChange;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.StaleStateException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * An {@link OrgStore} in maps, with the DynamoDB store's semantics. Thread-safe. Org writes are
 * reported to change listeners, like {@link InMemoryTwoFactorStore}'s.
 */
public final class InMemoryOrgStore implements OrgStore {
  private final List<Consumer<StoredChange>> listeners = new CopyOnWriteArrayList<>();
  private final ConcurrentMap<String, Org> orgs = new ConcurrentHashMap<>();
  private final ConcurrentMap<String, ConcurrentNavigableMap<String, Membership>> members =
      new ConcurrentHashMap<>();

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
  public Org saveOrg(Org org) {
    return orgs.compute(
        org.orgId(),
        (id, stored) -> {
          long storedVersion = stored == null ? 0 : stored.version();
          if (storedVersion != org.version()) {
            throw new StaleStateException(id, org.version());
          }
          Org saved = org.withVersion(org.version() + 1);
          StoredChange change = new StoredChange.OrgChange(stored, saved);
          listeners.forEach(l -> l.accept(change));
          return saved;
        });
  }

  @Override
  public Optional<Membership> findMembership(String orgId, String userId) {
    return Optional.ofNullable(membersOf(orgId).get(userId));
  }

  @Override
  public void putMembership(Membership membership) {
    membersOf(membership.orgId()).put(membership.userId(), membership);
  }

  @Override
  public void deleteMembership(String orgId, String userId) {
    membersOf(orgId).remove(userId);
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

  private ConcurrentNavigableMap<String, Membership> membersOf(String orgId) {
    return members.computeIfAbsent(orgId, id -> new ConcurrentSkipListMap<>());
  }
}
