package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Role;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * A membership as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = MEMBER#<user>}), also
 * indexed by user in {@value #BY_USER_INDEX} ({@code gsi1pk = USER#<user>}, {@code gsi1sk =
 * ORG#<org>}) so a user's orgs are one query.
 */
final class MembershipItem {
  static final String BY_USER_INDEX = "byUser";
  static final String SORT_PREFIX = "MEMBER#";
  static final TableSchema<MembershipItem> SCHEMA = schema();

  private String pk;
  private String sk;
  private String gsi1pk;
  private String gsi1sk;
  private String role;
  private String joinedAt;

  private static TableSchema<MembershipItem> schema() {
    var b = StaticTableSchema.builder(MembershipItem.class).newItemSupplier(MembershipItem::new);
    ItemSchemas.keys(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    b.addAttribute(
        String.class,
        a ->
            a.name("gsi1pk")
                .getter(i -> i.gsi1pk)
                .setter((i, v) -> i.gsi1pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey(BY_USER_INDEX)));
    b.addAttribute(
        String.class,
        a ->
            a.name("gsi1sk")
                .getter(i -> i.gsi1sk)
                .setter((i, v) -> i.gsi1sk = v)
                .tags(StaticAttributeTags.secondarySortKey(BY_USER_INDEX)));
    ItemSchemas.attribute(b, String.class, "role", i -> i.role, (i, v) -> i.role = v);
    ItemSchemas.attribute(b, String.class, "joinedAt", i -> i.joinedAt, (i, v) -> i.joinedAt = v);
    return b.build();
  }

  static MembershipItem from(Membership m) {
    MembershipItem item = new MembershipItem();
    item.pk = OrgItem.partitionKey(m.orgId());
    item.sk = SORT_PREFIX + m.userId();
    item.gsi1pk = UserStateItem.partitionKey(m.userId());
    item.gsi1sk = OrgItem.partitionKey(m.orgId());
    item.role = m.role().wireName();
    item.joinedAt = m.joinedAt().toString();
    return item;
  }

  Membership toMembership() {
    return new Membership(
        pk.substring("ORG#".length()),
        sk.substring(SORT_PREFIX.length()),
        Role.fromWireName(role).orElseThrow(),
        Instant.parse(joinedAt));
  }

  /** The user-index sort key of an index entry: a membership's or an invitation's. */
  String indexSortKey() {
    return gsi1sk;
  }
}
