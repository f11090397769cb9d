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
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactDeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link OrgStore} on the same table as the user states: one item per org, one per membership, one
 * per invitation, and a user index over memberships and invitations. Every change is one
 * TransactWriteItems with a condition per item, so an org's owners, its members' roles and the
 * owners' requirement marks change together or not at all. Thread-safe.
 */
@Singleton
public final class DynamoDbOrgStore implements OrgStore {
  private final DynamoDbTable<OrgItem> orgs;
  private final DynamoDbTable<MembershipItem> members;
  private final DynamoDbTable<InvitationItem> invitations;
  private final DynamoDbTable<EnhancedDocument> states;
  private final DynamoDbIndex<MembershipItem> byUser;
  private final DynamoDbEnhancedClient enhanced;
  private final DynamoDbClient dynamoDb;
  private final String tableName;

  public DynamoDbOrgStore(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.dynamoDb = dynamoDb;
    this.tableName = config.getTableName();
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    this.orgs = enhanced.table(tableName, OrgItem.SCHEMA);
    this.members = enhanced.table(tableName, MembershipItem.SCHEMA);
    this.invitations = enhanced.table(tableName, InvitationItem.SCHEMA);
    this.states = enhanced.table(tableName, UserStateItem.SCHEMA);
    this.byUser = members.index(MembershipItem.BY_USER_INDEX);
  }

  @Override
  public Optional<Org> findOrg(String orgId) {
    return call(
        "GetItem",
        () ->
            Optional.ofNullable(
                    orgs.getItem(
                        GetItemEnhancedRequest.builder()
                            .key(orgKey(orgId))
                            .consistentRead(true)
                            .build()))
                .map(OrgItem::toOrg));
  }

  @Override
  public Map<String, Org> findOrgs(Collection<String> orgIds) {
    Map<String, Org> found = new HashMap<>();
    BatchReads.read(
        enhanced,
        orgs,
        OrgItem.class,
        orgIds.stream().map(DynamoDbOrgStore::orgKey).toList(),
        item -> found.put(item.toOrg().orgId(), item.toOrg()));
    return found;
  }

  @Override
  public Optional<Membership> findMembership(String orgId, String userId) {
    return call(
        "GetItem",
        () ->
            Optional.ofNullable(
                    members.getItem(
                        GetItemEnhancedRequest.builder()
                            .key(memberKey(orgId, userId))
                            .consistentRead(true)
                            .build()))
                .map(MembershipItem::toMembership));
  }

  @Override
  public Optional<Invitation> findInvitation(String orgId, String userId) {
    return call(
        "GetItem",
        () ->
            Optional.ofNullable(
                    invitations.getItem(
                        GetItemEnhancedRequest.builder()
                            .key(inviteKey(orgId, userId))
                            .consistentRead(true)
                            .build()))
                .map(InvitationItem::toInvitation));
  }

  /**
   * One TransactWriteItems: the org over its version, each membership and invitation over its
   * expected presence, each user state over its version. A cancelled transaction whose reasons are
   * failed conditions or a conflicting transaction is a lost race ({@link StaleStateException}).
   */
  @Override
  public void commit(OrgCommit commit) {
    Org org = commit.org();
    TransactWriteItemsEnhancedRequest.Builder tx = TransactWriteItemsEnhancedRequest.builder();
    tx.addPutItem(
        orgs,
        TransactPutItemEnhancedRequest.builder(OrgItem.class)
            .item(OrgItem.from(org, org.version() + 1))
            .conditionExpression(Conditions.versionIs(org.version()))
            .build());
    for (OrgCommit.Change<Membership> change : commit.memberships()) {
      Key key = memberKey(org.orgId(), change.userId());
      if (change.after() == null) {
        tx.addDeleteItem(members, deletion(key));
      } else {
        tx.addPutItem(
            members,
            TransactPutItemEnhancedRequest.builder(MembershipItem.class)
                .item(MembershipItem.from(change.after()))
                .conditionExpression(presence(change.before() != null))
                .build());
      }
    }
    for (OrgCommit.Change<Invitation> change : commit.invitations()) {
      Key key = inviteKey(org.orgId(), change.userId());
      if (change.after() == null) {
        tx.addDeleteItem(invitations, deletion(key));
      } else {
        tx.addPutItem(
            invitations,
            TransactPutItemEnhancedRequest.builder(InvitationItem.class)
                .item(InvitationItem.from(change.after()))
                .conditionExpression(presence(change.before() != null))
                .build());
      }
    }
    for (UserTwoFactor state : commit.states()) {
      tx.addPutItem(
          states,
          TransactPutItemEnhancedRequest.builder(EnhancedDocument.class)
              .item(UserStateItem.from(state, state.version() + 1))
              .conditionExpression(Conditions.versionIs(state.version()))
              .build());
    }
    try {
      enhanced.transactWriteItems(tx.build());
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

  private static Expression presence(boolean present) {
    return present ? Conditions.PRESENT : Conditions.ABSENT;
  }

  private static TransactDeleteItemEnhancedRequest deletion(Key key) {
    return TransactDeleteItemEnhancedRequest.builder()
        .key(key)
        .conditionExpression(Conditions.PRESENT)
        .build();
  }

  @Override
  public MemberPage listMembers(String orgId, String afterUserId, int limit) {
    QueryEnhancedRequest.Builder query =
        QueryEnhancedRequest.builder()
            .queryConditional(
                QueryConditional.sortBeginsWith(
                    Key.builder()
                        .partitionValue(OrgItem.partitionKey(orgId))
                        .sortValue(MembershipItem.SORT_PREFIX)
                        .build()))
            .limit(limit)
            .consistentRead(true);
    if (afterUserId != null) {
      query.exclusiveStartKey(
          Map.of(
              "pk", AttributeValue.fromS(OrgItem.partitionKey(orgId)),
              "sk", AttributeValue.fromS(MembershipItem.SORT_PREFIX + afterUserId)));
    }
    return call(
        "Query",
        () -> {
          Page<MembershipItem> page = members.query(query.build()).iterator().next();
          List<Membership> found = page.items().stream().map(MembershipItem::toMembership).toList();
          String last =
              page.lastEvaluatedKey() == null || found.isEmpty()
                  ? null
                  : found.get(found.size() - 1).userId();
          return new MemberPage(found, last);
        });
  }

  @Override
  public List<String> orgIdsOf(String userId) {
    return indexed(userId, OrgItem.partitionKey(""));
  }

  /** One index query, then the orgs and memberships in one batch read (up to 50 orgs). */
  @Override
  public List<Affiliation> affiliationsOf(String userId) {
    List<String> ids = orgIdsOf(userId);
    Map<String, Org> found = new HashMap<>();
    Map<String, Membership> memberships = new HashMap<>();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String orgId : ids) {
      keys.add(orgKey(orgId).primaryKeyMap(OrgItem.SCHEMA));
      keys.add(memberKey(orgId, userId).primaryKeyMap(MembershipItem.SCHEMA));
    }
    for (Map<String, AttributeValue> item : batchGet(keys)) {
      String sk = item.get("sk").s();
      if (OrgItem.SORT_KEY.equals(sk)) {
        Org org = OrgItem.SCHEMA.mapToItem(item).toOrg();
        found.put(org.orgId(), org);
      } else {
        Membership m = MembershipItem.SCHEMA.mapToItem(item).toMembership();
        memberships.put(m.orgId(), m);
      }
    }
    List<Affiliation> affiliations = new ArrayList<>();
    for (String orgId : ids) {
      if (found.containsKey(orgId) && memberships.containsKey(orgId)) {
        affiliations.add(new Affiliation(found.get(orgId), memberships.get(orgId)));
      }
    }
    return affiliations;
  }

  /** One index query, then the invitations and their orgs in one batch read (up to 50). */
  @Override
  public List<PendingInvitation> invitationsOf(String userId) {
    List<String> ids = indexed(userId, InvitationItem.indexSortKey(""));
    Map<String, String> names = new HashMap<>();
    Map<String, Invitation> open = new HashMap<>();
    List<Map<String, AttributeValue>> keys = new ArrayList<>();
    for (String orgId : ids) {
      keys.add(orgKey(orgId).primaryKeyMap(OrgItem.SCHEMA));
      keys.add(inviteKey(orgId, userId).primaryKeyMap(InvitationItem.SCHEMA));
    }
    for (Map<String, AttributeValue> item : batchGet(keys)) {
      if (OrgItem.SORT_KEY.equals(item.get("sk").s())) {
        Org org = OrgItem.SCHEMA.mapToItem(item).toOrg();
        names.put(org.orgId(), org.name());
      } else {
        Invitation invitation = InvitationItem.SCHEMA.mapToItem(item).toInvitation();
        open.put(invitation.orgId(), invitation);
      }
    }
    return ids.stream()
        .filter(id -> names.containsKey(id) && open.containsKey(id))
        .sorted()
        .map(id -> new PendingInvitation(open.get(id), names.get(id)))
        .toList();
  }

  /** The org ids in the user's index entries whose sort key starts with {@code prefix}. */
  private List<String> indexed(String userId, String prefix) {
    return call(
        "Query",
        () -> {
          List<String> ids = new ArrayList<>();
          byUser
              .query(
                  QueryConditional.sortBeginsWith(
                      Key.builder()
                          .partitionValue(UserStateItem.partitionKey(userId))
                          .sortValue(prefix)
                          .build()))
              .forEach(
                  page ->
                      page.items()
                          .forEach(i -> ids.add(i.indexSortKey().substring(prefix.length()))));
          return ids;
        });
  }

  /**
   * Items of mixed types in strongly consistent BatchGetItem calls of up to 100 keys, re-asking for
   * unprocessed keys.
   */
  private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    for (int from = 0; from < keys.size(); from += 100) {
      Map<String, KeysAndAttributes> pending =
          Map.of(
              tableName,
              KeysAndAttributes.builder()
                  .keys(keys.subList(from, Math.min(keys.size(), from + 100)))
                  .consistentRead(true)
                  .build());
      while (!pending.isEmpty()) {
        Map<String, KeysAndAttributes> request = pending;
        BatchGetItemResponse response =
            call("BatchGetItem", () -> dynamoDb.batchGetItem(r -> r.requestItems(request)));
        items.addAll(response.responses().getOrDefault(tableName, List.of()));
        pending = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
      }
    }
    return items;
  }

  private static Key orgKey(String orgId) {
    return Key.builder()
        .partitionValue(OrgItem.partitionKey(orgId))
        .sortValue(OrgItem.SORT_KEY)
        .build();
  }

  private static Key memberKey(String orgId, String userId) {
    return Key.builder()
        .partitionValue(OrgItem.partitionKey(orgId))
        .sortValue(MembershipItem.SORT_PREFIX + userId)
        .build();
  }

  private static Key inviteKey(String orgId, String userId) {
    return Key.builder()
        .partitionValue(OrgItem.partitionKey(orgId))
        .sortValue(InvitationItem.SORT_PREFIX + userId)
        .build();
  }

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB " + operation, e);
    }
  }
}
