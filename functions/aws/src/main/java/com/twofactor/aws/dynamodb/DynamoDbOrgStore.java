package com.twofactor.aws.dynamodb;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Affiliation;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.port.OrgCommit;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.StaleStateException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link OrgStore} on the same table as the user states: one item per org, one per membership, one
 * per invitation, and a user index over memberships and invitations. Every change is one
 * TransactWriteItems with a condition per item, so an org's owners, its members' roles and the
 * owners' requirement marks change together or not at all. Thread-safe.
 */
@Singleton
public final class DynamoDbOrgStore implements OrgStore {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbOrgStore(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.dynamoDb = dynamoDb;
    this.table = config.getTableName();
  }

  @Override
  public Optional<Org> findOrg(String orgId) {
    return get(OrgItem.key(orgId), OrgItem::org);
  }

  @Override
  public Map<String, Org> findOrgs(Collection<String> orgIds) {
    Map<String, Org> found = new HashMap<>();
    BatchReads.read(
        dynamoDb,
        table,
        orgIds.stream().map(OrgItem::key).toList(),
        item -> {
          Org org = OrgItem.org(item);
          found.put(org.orgId(), org);
        });
    return found;
  }

  @Override
  public Optional<Membership> findMembership(String orgId, String userId) {
    return get(MembershipItem.key(orgId, userId), MembershipItem::membership);
  }

  @Override
  public Optional<Invitation> findInvitation(String orgId, String userId) {
    return get(InvitationItem.key(orgId, userId), InvitationItem::invitation);
  }

  private <T> Optional<T> get(
      Map<String, AttributeValue> key, Function<Map<String, AttributeValue>, T> mapping) {
    GetItemResponse read =
        call(
            "GetItem",
            () -> dynamoDb.getItem(r -> r.tableName(table).key(key).consistentRead(true)));
    return read.hasItem() ? Optional.of(mapping.apply(read.item())) : Optional.empty();
  }

  /**
   * One TransactWriteItems: the org over its version, each membership and invitation over its
   * expected presence, each user state over its version. A cancelled transaction whose reasons are
   * failed conditions or a conflicting transaction is a lost race ({@link StaleStateException}).
   */
  @Override
  public void commit(OrgCommit commit) {
    Org org = commit.org();
    List<TransactWriteItem> writes = new ArrayList<>();
    writes.add(
        WriteCondition.versionIs(org.version())
            .transactPut(table, OrgItem.item(org, org.version() + 1)));
    for (OrgCommit.Change<Membership> change : commit.memberships()) {
      writes.add(
          change.after() == null
              ? WriteCondition.PRESENT.transactDelete(
                  table, MembershipItem.key(org.orgId(), change.userId()))
              : WriteCondition.presence(change.before() != null)
                  .transactPut(table, MembershipItem.item(change.after())));
    }
    for (OrgCommit.Change<Invitation> change : commit.invitations()) {
      writes.add(
          change.after() == null
              ? WriteCondition.PRESENT.transactDelete(
                  table, InvitationItem.key(org.orgId(), change.userId()))
              : WriteCondition.presence(change.before() != null)
                  .transactPut(table, InvitationItem.item(change.after())));
    }
    for (UserTwoFactor state : commit.states()) {
      writes.add(
          WriteCondition.versionIs(state.version())
              .transactPut(table, UserStateItem.item(state, state.version() + 1)));
    }
    try {
      dynamoDb.transactWriteItems(r -> r.transactItems(writes));
    } catch (TransactionCanceledException cancelled) {
      if (lostRace(cancelled)) {
        throw new StaleStateException(org.orgId(), org.version());
      }
      throw new DependencyUnavailableException("DynamoDB TransactWriteItems", cancelled);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB TransactWriteItems", e);
    }
  }

  private static boolean lostRace(TransactionCanceledException cancelled) {
    return cancelled.hasCancellationReasons()
        && cancelled.cancellationReasons().stream()
            .map(CancellationReason::code)
            .anyMatch(c -> "ConditionalCheckFailed".equals(c) || "TransactionConflict".equals(c));
  }

  /** One page of the org's partition under {@code MEMBER#}, after {@code afterUserId} if given. */
  @Override
  public MemberPage listMembers(String orgId, String afterUserId, int limit) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
            .expressionAttributeValues(
                Map.of(
                    ":pk", AttributeValue.fromS(OrgItem.partitionKey(orgId)),
                    ":prefix", AttributeValue.fromS(MembershipItem.SORT_PREFIX)))
            .limit(limit)
            .consistentRead(true);
    if (afterUserId != null) {
      query.exclusiveStartKey(MembershipItem.key(orgId, afterUserId));
    }
    QueryResponse page = call("Query", () -> dynamoDb.query(query.build()));
    List<Membership> found = page.items().stream().map(MembershipItem::membership).toList();
    String last =
        !page.hasLastEvaluatedKey() || found.isEmpty()
            ? null
            : found.get(found.size() - 1).userId();
    return new MemberPage(found, last);
  }

  @Override
  public List<String> orgIdsOf(String userId) {
    return indexed(userId, OrgItem.partitionKey(""));
  }

  /** One index query, then the orgs and memberships in one batch read (up to 50 orgs). */
  @Override
  public List<Affiliation> affiliationsOf(String userId) {
    List<String> ids = orgIdsOf(userId);
    Map<String, Map.Entry<Org, Membership>> found =
        withTheirOrgs(
            ids,
            orgId -> MembershipItem.key(orgId, userId),
            MembershipItem::membership,
            Membership::orgId);
    return ids.stream()
        .filter(found::containsKey)
        .map(id -> new Affiliation(found.get(id).getKey(), found.get(id).getValue()))
        .toList();
  }

  /** One index query, then the invitations and their orgs in one batch read (up to 50). */
  @Override
  public List<PendingInvitation> invitationsOf(String userId) {
    List<String> ids = indexed(userId, InvitationItem.indexSortKey(""));
    Map<String, Map.Entry<Org, Invitation>> found =
        withTheirOrgs(
            ids,
            orgId -> InvitationItem.key(orgId, userId),
            InvitationItem::invitation,
            Invitation::orgId);
    return ids.stream()
        .filter(found::containsKey)
        .sorted()
        .map(id -> new PendingInvitation(found.get(id).getValue(), found.get(id).getKey().name()))
        .toList();
  }

  /**
   * Each org of {@code orgIds} with the user's item of one kind in it (a membership, an
   * invitation), read in one batch, by org id; an org missing either is left out.
   */
  private <T> Map<String, Map.Entry<Org, T>> withTheirOrgs(
      List<String> orgIds,
      Function<String, Map<String, AttributeValue>> userItemKey,
      Function<Map<String, AttributeValue>, T> userItem,
      Function<T, String> orgIdOf) {
    Map<String, Org> orgs = new HashMap<>();
    Map<String, T> items = new HashMap<>();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String orgId : orgIds) {
      keys.add(OrgItem.key(orgId));
      keys.add(userItemKey.apply(orgId));
    }
    BatchReads.read(
        dynamoDb,
        table,
        keys,
        item -> {
          if (OrgItem.SORT_KEY.equals(item.get("sk").s())) {
            Org org = OrgItem.org(item);
            orgs.put(org.orgId(), org);
          } else {
            T mapped = userItem.apply(item);
            items.put(orgIdOf.apply(mapped), mapped);
          }
        });
    Map<String, Map.Entry<Org, T>> both = new HashMap<>();
    orgs.forEach(
        (orgId, org) -> {
          if (items.containsKey(orgId)) {
            both.put(orgId, Map.entry(org, items.get(orgId)));
          }
        });
    return both;
  }

  /** The org ids in the user's index entries whose sort key starts with {@code prefix}. */
  private List<String> indexed(String userId, String prefix) {
    return call(
        "Query",
        () -> {
          List<String> ids = new ArrayList<>();
          dynamoDb
              .queryPaginator(
                  r ->
                      r.tableName(table)
                          .indexName(OrgUserItem.BY_USER_INDEX)
                          .keyConditionExpression("gsi1pk = :pk AND begins_with(gsi1sk, :prefix)")
                          .expressionAttributeValues(
                              Map.of(
                                  ":pk", AttributeValue.fromS(UserStateItem.partitionKey(userId)),
                                  ":prefix", AttributeValue.fromS(prefix))))
              .items()
              .forEach(item -> ids.add(item.get("gsi1sk").s().substring(prefix.length())));
          return ids;
        });
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB " + operation, e);
    }
  }
}
