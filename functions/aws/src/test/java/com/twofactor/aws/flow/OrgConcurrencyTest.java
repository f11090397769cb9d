package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.Confirmation;
import com.twofactor.core.service.DisableService;
import com.twofactor.core.service.OrgService;
import com.twofactor.core.service.Proof;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9 item 4, on the DynamoDB wire protocol: 8 threads run random org operations (invite,
 * accept, promote, demote, remove, leave, switch on and off, disable and re-enable 2FA) against two
 * orgs and six users, round after round; after every round the invariants are checked from what is
 * stored. Refusals (409, 403, 404, invalid codes) are expected outcomes; a broken invariant is not.
 */
@Tag("dynalite")
class OrgConcurrencyTest extends OnEmulatedAws {
  private static final int THREADS = 8;
  private static final int ROUNDS = 200;
  private static final List<String> USERS =
      List.of("cc-u0", "cc-u1", "cc-u2", "cc-u3", "cc-u4", "cc-u5");

  private final Map<String, Deque<String>> backupCodes = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

  /** The orgs' owners and the users' 2FA as the last check read them: who acts in a round. */
  private volatile Map<String, List<String>> ownersSeen = Map.of();

  private volatile Map<String, UserTwoFactor> statesSeen = Map.of();

  @Test
  void mixedOrgOperationsFrom8Threads_keepOwnersMembersMarksAnd2faConsistent() throws Exception {
    OrgService orgs = aws.bean(OrgService.class);
    USERS.forEach(this::enable);
    List<String> orgIds =
        List.of(orgs.create("cc-u0", "cc-a").orgId(), orgs.create("cc-u1", "cc-b").orgId());
    checkInvariants(orgIds, -1);
    aws.calls.reset();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    Random seeds = new Random(9);
    int checks = 0;
    int calls = 0;
    try {
      for (int round = 0; round < ROUNDS; round++) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          Random random = new Random(seeds.nextLong());
          running.add(
              pool.submit(
                  () -> {
                    go.await();
                    randomOperation(random, orgIds);
                    return null;
                  }));
        }
        go.countDown();
        for (Future<?> f : running) {
          f.get();
        }
        calls += aws.calls.calls().size();
        checks += checkInvariants(orgIds, round);
        aws.calls.reset();
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "OrgConcurrencyTest: %d rounds x %d threads; %d invariant checks passed after the rounds"
            + " (owners ⊆ members and owner list = owner roles; in a requiring org every owner has"
            + " 2FA and its mark; no user with a mark lacks 2FA; marks only for owners of requiring"
            + " orgs); %d DynamoDB calls by the operations; outcomes %s%n",
        ROUNDS, THREADS, checks, calls, new TreeMap<>(outcomes));
    assertThat(outcomes.keySet())
        .as("every kind of operation took effect at least once")
        .contains(
            "invite:ok",
            "accept:ok",
            "promote:ok",
            "demote:ok",
            "remove:ok",
            "leave:ok",
            "switch-on:ok",
            "switch-off:ok",
            "disable:ok");
  }

  private void randomOperation(Random random, List<String> orgIds) {
    OrgService orgs = aws.bean(OrgService.class);
    String orgId = orgIds.get(random.nextInt(orgIds.size()));
    String user = USERS.get(random.nextInt(USERS.size()));
    List<String> owners = ownersSeen.get(orgId);
    String owner = owners.get(random.nextInt(owners.size()));
    String op =
        List.of(
                "invite",
                "accept",
                "promote",
                "demote",
                "remove",
                "leave",
                "switch-on",
                "switch-off",
                "disable")
            .get(random.nextInt(9));
    try {
      switch (op) {
        case "invite" ->
            orgs.putMember(owner, orgId, user, random.nextBoolean() ? Role.OWNER : Role.MEMBER);
        case "accept" -> orgs.acceptInvitation(user, orgId);
        case "promote" -> orgs.putMember(owner, orgId, user, Role.OWNER);
        case "demote" -> orgs.putMember(owner, orgId, user, Role.MEMBER);
        case "remove" -> orgs.removeMember(owner, orgId, user);
        case "leave" -> orgs.removeMember(user, orgId, user);
        case "switch-on" -> orgs.setRequirement(owner, orgId, true, 0);
        case "switch-off" -> orgs.setRequirement(owner, orgId, false, 0);
        case "disable" -> disableOrEnable(user);
        default -> throw new IllegalStateException(op);
      }
      count(op + ":ok");
    } catch (DependencyUnavailableException busy) {
      count(op + ":busy");
    } catch (TwoFactorException refused) {
      count(op + ":" + refused.code().wireValue());
    }
  }

  /** Disables 2FA with a backup code as the proof; a user without 2FA sets it up again. */
  private void disableOrEnable(String user) {
    if (!statesSeen.get(user).enabled()) {
      enable(user);
      count("enable:ok");
      return;
    }
    String code = backupCodes.get(user).pollFirst();
    if (code == null) {
      throw new TwoFactorException(com.twofactor.core.ErrorCode.INVALID_CODE, "none left");
    }
    aws.bean(DisableService.class)
        .disable(user, new Proof(Method.BACKUP_CODE, code), Optional.empty());
  }

  private void enable(String user) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(user, user).secret());
    Confirmation done = enrollment.confirm(user, TotpCodes.at(secret, Instant.now()));
    backupCodes.put(user, new ConcurrentLinkedDeque<>(done.newBackupCodes()));
  }

  private void count(String outcome) {
    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
  }

  /** Checks every invariant from the stored items; returns how many checks it made. */
  private int checkInvariants(List<String> orgIds, int round) {
    OrgStore store = aws.bean(OrgStore.class);
    Map<String, UserTwoFactor> states = aws.bean(TwoFactorStore.class).loadAll(USERS);
    Set<String> expectedMarks = new HashSet<>();
    Map<String, List<String>> owners = new HashMap<>();
    int checks = 0;
    for (String orgId : orgIds) {
      Org org = store.findOrg(orgId).orElseThrow();
      owners.put(orgId, org.owners());
      List<Membership> members = store.listMembers(orgId, null, 100).members();
      Set<String> memberIds = new HashSet<>();
      Set<String> ownerRoles = new HashSet<>();
      members.forEach(
          m -> {
            memberIds.add(m.userId());
            if (m.role() == Role.OWNER) {
              ownerRoles.add(m.userId());
            }
          });
      String where = "round " + round + ", org " + org.name();
      assertThat(memberIds).as("owners ⊆ members, " + where).containsAll(org.owners());
      assertThat(ownerRoles)
          .as("owner list = owner roles, " + where)
          .isEqualTo(Set.copyOf(org.owners()));
      assertThat(org.owners()).as("an org keeps an owner, " + where).isNotEmpty();
      checks += 3;
      if (org.required()) {
        for (String owner : org.owners()) {
          assertThat(states.get(owner).enabled()).as(owner + " has 2FA, " + where).isTrue();
          assertThat(states.get(owner).requiredBy())
              .as(owner + " has the mark, " + where)
              .contains(orgId);
          checks += 2;
          expectedMarks.add(owner + "@" + orgId);
        }
      }
    }
    for (UserTwoFactor state : states.values()) {
      if (!state.requiredBy().isEmpty()) {
        assertThat(state.enabled())
            .as("a marked user has 2FA: " + state.userId() + ", round " + round)
            .isTrue();
      }
      for (String orgId : state.requiredBy()) {
        assertThat(expectedMarks)
            .as("marks only for owners of requiring orgs, round " + round)
            .contains(state.userId() + "@" + orgId);
      }
      checks += 2;
    }
    ownersSeen = owners;
    statesSeen = states;
    return checks;
  }
}
