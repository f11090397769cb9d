package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.OrgCommit;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.StaleStateException;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** Organizations on the real DynamoDB wire protocol: scale, cost of the switch, races. */
@Tag("dynalite")
class OrgsOnDynamoDbTest extends OnEmulatedAws {

  private OrgService orgs() {
    return aws.bean(OrgService.class);
  }

  /** Enables TOTP; returns the backup codes, usable as proofs. */
  private List<String> enableTwoFactor(String userId) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(userId, userId).secret());
    Confirmation done = enrollment.confirm(userId, TotpCodes.at(secret, Instant.now()));
    return done.newBackupCodes();
  }

  /** Adds {@code count} members without 2FA, 25 to a batch write. */
  private void seedMembers(String orgId, String prefix, int count) {
    DynamoDbClient dynamoDb = aws.bean(DynamoDbClient.class);
    Instant now = Instant.now();
    for (int from = 0; from < count; from += 25) {
      List<WriteRequest> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 25); i++) {
        Membership member =
            new Membership(orgId, String.format("%s-%05d", prefix, i), Role.MEMBER, now);
        batch.add(
            WriteRequest.builder()
                .putRequest(PutRequest.builder().item(MembershipItem.item(member)).build())
                .build());
      }
      var written = dynamoDb.batchWriteItem(r -> r.requestItems(Map.of(aws.tableName, batch)));
      assertThat(written.unprocessedItems()).isEmpty();
    }
  }

  private Org orgWithTwoOwners(String name) {
    enableTwoFactor(name + "-owner-a");
    enableTwoFactor(name + "-owner-b");
    Org org = orgs().create(name + "-owner-a", name);
    join(name + "-owner-a", org.orgId(), name + "-owner-b", Role.OWNER);
    return aws.bean(OrgStore.class).findOrg(org.orgId()).orElseThrow();
  }

  /** An owner invites the user, who accepts. */
  private void join(String owner, String orgId, String userId, Role role) {
    orgs().putMember(owner, orgId, userId, role);
    orgs().acceptInvitation(userId, orgId);
  }

  private List<String> callsOfSwitchingOn(Org org) {
    aws.calls.reset();
    orgs().setRequirement(ownerOf(org), org.orgId(), true, 24);
    return aws.calls.calls();
  }

  private static String ownerOf(Org org) {
    return org.owners().get(0);
  }

  @Test
  void switch_costsTheSameCallsFor10And2000Members() {
    Org small = orgWithTwoOwners("small");
    seedMembers(small.orgId(), "small-member", 8);
    Org large = orgWithTwoOwners("large");
    seedMembers(large.orgId(), "large-member", 1998);

    List<String> smallCalls = callsOfSwitchingOn(small);
    List<String> largeCalls = callsOfSwitchingOn(large);

    assertThat(largeCalls).isEqualTo(smallCalls);
    // One org read, one batch read of the owners' states, one transaction for org and marks.
    assertThat(smallCalls)
        .containsExactly(
            "DynamoDb.GetItem", "DynamoDb.BatchGetItem", "DynamoDb.TransactWriteItems");
  }

  @Test
  void anOrgOf10000MembersListsInPagesAndCountsThemAll() {
    Org org = orgWithTwoOwners("huge");
    seedMembers(org.orgId(), "huge-member", 10_000);
    orgs().setRequirement(ownerOf(org), org.orgId(), true, 0);

    int listed = 0;
    int pages = 0;
    String cursor = null;
    do {
      OrgService.MemberListing page =
          orgs().listMembers(ownerOf(org), org.orgId(), true, 100, cursor);
      assertThat(page.members()).hasSizeLessThanOrEqualTo(100).allMatch(m -> !m.twoFactor());
      listed += page.members().size();
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);

    assertThat(listed).isEqualTo(10_000);
    assertThat(pages).isBetween(100, 102);
    OrgService.Summary summary = orgs().summary(ownerOf(org), org.orgId());
    assertThat(summary.members()).isEqualTo(10_000);
    assertThat(summary.owners()).isEqualTo(2);
    assertThat(summary.ownersWithTwoFactor()).isEqualTo(2);
    assertThat(orgs().access(ownerOf(org), org.orgId(), "huge-member-04242").allowed()).isFalse();
  }

  /**
   * An owner disabling 2FA while another owner switches the requirement on: whichever wins, an org
   * that requires 2FA never ends up with an owner without it.
   */
  @Test
  void disableRacingTheSwitch_neverLeavesARequiringOrgWithAnOwnerWithout2fa() throws Exception {
    TwoFactorStore users = aws.bean(TwoFactorStore.class);
    OrgStore store = aws.bean(OrgStore.class);
    int switchedOn = 0;
    int disabled = 0;
    for (int round = 0; round < 12; round++) {
      String a = "race-a-" + round;
      String b = "race-b-" + round;
      enableTwoFactor(a);
      List<String> proofs = enableTwoFactor(b);
      Org org = orgs().create(a, "race-" + round);
      join(a, org.orgId(), b, Role.OWNER);
      CountDownLatch go = new CountDownLatch(1);
      // Staggered starts, so that each side sometimes gets there first.
      long head = (round % 4) * 15L;
      CompletableFuture<Boolean> switching =
          CompletableFuture.supplyAsync(
              () -> {
                await(go);
                pause(head);
                try {
                  orgs().setRequirement(a, org.orgId(), true, 0);
                  return true;
                } catch (RuntimeException refused) {
                  return false;
                }
              });
      CompletableFuture<Boolean> disabling =
          CompletableFuture.supplyAsync(
              () -> {
                await(go);
                try {
                  aws.bean(DisableService.class)
                      .disable(b, new Proof(Method.BACKUP_CODE, proofs.get(0)), Optional.empty());
                  return true;
                } catch (RuntimeException refused) {
                  return false;
                }
              });
      go.countDown();
      boolean on = switching.get();
      boolean off = disabling.get();

      Org after = store.findOrg(org.orgId()).orElseThrow();
      if (after.required()) {
        assertThat(after.owners()).allMatch(owner -> users.load(owner).enabled());
      }
      assertThat(on && off).as("both cannot win").isFalse();
      switchedOn += on ? 1 : 0;
      disabled += off ? 1 : 0;
    }
    assertThat(switchedOn + disabled).isPositive();
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One failed condition anywhere in a commit, and none of its items is written. */
  @Test
  void aCommitWithOneStaleCondition_writesNothing() {
    OrgStore store = aws.bean(OrgStore.class);
    TwoFactorStore users = aws.bean(TwoFactorStore.class);
    enableTwoFactor("atomic-owner");
    Org org = orgs().create("atomic-owner", "atomic");
    Org read = store.findOrg(org.orgId()).orElseThrow();
    UserTwoFactor stale = users.load("atomic-owner");
    users.save(stale);

    OrgCommit commit =
        new OrgCommit(
            read.withOwners(List.of("atomic-owner", "atomic-new")),
            List.of(
                new OrgCommit.Change<>(
                    "atomic-new",
                    null,
                    new Membership(org.orgId(), "atomic-new", Role.OWNER, Instant.now()))),
            List.of(),
            List.of(stale.toBuilder().requiredBy(Set.of(org.orgId())).build()));

    assertThatThrownBy(() -> store.commit(commit)).isInstanceOf(StaleStateException.class);
    assertThat(store.findOrg(org.orgId()).orElseThrow()).isEqualTo(read);
    assertThat(store.findMembership(org.orgId(), "atomic-new")).isEmpty();
    assertThat(users.load("atomic-owner").requiredBy()).isEmpty();
  }

  @Test
  void aUsersOrgsAreFoundThroughTheIndex() {
    enableTwoFactor("index-owner");
    Org first = orgs().create("index-owner", "one");
    Org second = orgs().create("index-owner", "two");

    assertThat(aws.bean(OrgStore.class).orgIdsOf("index-owner"))
        .containsExactlyInAnyOrder(first.orgId(), second.orgId());
  }
}
