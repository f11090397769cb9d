package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Role;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * A membership as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = MEMBER#<user>}), also
 * indexed by user in {@value #BY_USER_INDEX} ({@code gsi1pk = USER#<user>}, {@code gsi1sk =
 * ORG#<org>}) so a user's orgs are one query.
 *
 * <p>Its schema is immutable and shared; an item instance is not thread-safe (one per mapping).
 */
final class MembershipItem extends OrgUserItem {
  static final String BY_USER_INDEX = "byUser";
  static final String SORT_PREFIX = "MEMBER#";
  static final TableSchema<MembershipItem> SCHEMA = schema();

  private String role;
  private String joinedAt;

  private static TableSchema<MembershipItem> schema() {
    var b = schemaWithKeys(MembershipItem.class, MembershipItem::new);
    ItemSchemas.attribute(b, String.class, "role", i -> i.role, (i, v) -> i.role = v);
    ItemSchemas.attribute(b, String.class, "joinedAt", i -> i.joinedAt, (i, v) -> i.joinedAt = v);
    return b.build();
  }

  static MembershipItem from(Membership m) {
    MembershipItem item = new MembershipItem();
    item.keys(m.orgId(), SORT_PREFIX, m.userId(), OrgItem.partitionKey(m.orgId()));
    item.role = m.role().wireName();
    item.joinedAt = m.joinedAt().toString();
    return item;
  }

  Membership toMembership() {
    return new Membership(
        orgId(),
        userId(SORT_PREFIX),
        Role.fromWireName(role).orElseThrow(),
        Instant.parse(joinedAt));
  }

  /** The user-index sort key of an index entry: a membership's or an invitation's. */
  String indexSortKey() {
    return gsi1sk;
  }
}
