package com.twofactor.aws.dynamodb;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
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
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link OrgStore} on the same table as the user states: one item per org, one per membership, and
 * a user index over memberships. Org writes are conditional on the version. Thread-safe.
 */
@Singleton
public final class DynamoDbOrgStore implements OrgStore {
  private static final Expression ABSENT =
      Expression.builder().expression("attribute_not_exists(pk)").build();

  private final DynamoDbTable<OrgItem> orgs;
  private final DynamoDbTable<MembershipItem> members;
  private final DynamoDbIndex<MembershipItem> byUser;
  private final DynamoDbEnhancedClient enhanced;

  public DynamoDbOrgStore(DynamoDbClient dynamoDb, AwsConfiguration config) {
    this.enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb).build();
    this.orgs = enhanced.table(config.getTableName(), OrgItem.SCHEMA);
    this.members = enhanced.table(config.getTableName(), MembershipItem.SCHEMA);
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
  public Org saveOrg(Org org) {
    long next = org.version() + 1;
    Expression condition =
        org.version() == 0
            ? ABSENT
            : Expression.builder()
                .expression("version = :expected")
                .expressionValues(
                    Map.of(":expected", AttributeValue.fromN(Long.toString(org.version()))))
                .build();
    try {
      orgs.putItem(
          PutItemEnhancedRequest.builder(OrgItem.class)
              .item(OrgItem.from(org, next))
              .conditionExpression(condition)
              .build());
    } catch (ConditionalCheckFailedException lost) {
      throw new StaleStateException(org.orgId(), org.version());
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
    return org.withVersion(next);
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
  public void putMembership(Membership membership) {
    call(
        "PutItem",
        () -> {
          members.putItem(MembershipItem.from(membership));
          return null;
        });
  }

  @Override
  public void deleteMembership(String orgId, String userId) {
    call("DeleteItem", () -> members.deleteItem(memberKey(orgId, userId)));
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
    return call(
        "Query",
        () -> {
          List<String> ids = new ArrayList<>();
          byUser
              .query(
                  QueryConditional.keyEqualTo(
                      Key.builder().partitionValue(UserStateItem.partitionKey(userId)).build()))
              .forEach(page -> page.items().forEach(i -> ids.add(i.orgIdOfIndexEntry())));
          return ids;
        });
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

  private static <T> T call(String operation, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB " + operation, e);
    }
  }
}
