package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Role;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An invitation as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = INVITE#<user>}), in the
 * user index under {@code gsi1pk = USER#<user>}, {@code gsi1sk = INVITE#ORG#<org>}: the prefix
 * keeps invitations apart from memberships in both the org's partition and the user's index.
 */
final class InvitationItem {
  static final String SORT_PREFIX = "INVITE#";
  static final TableSchema<InvitationItem> SCHEMA = schema();

  private String pk;
  private String sk;
  private String gsi1pk;
  private String gsi1sk;
  private String role;
  private String invitedBy;
  private String invitedAt;

  private static TableSchema<InvitationItem> schema() {
    var b = StaticTableSchema.builder(InvitationItem.class).newItemSupplier(InvitationItem::new);
    ItemSchemas.keys(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    b.addAttribute(
        String.class,
        a ->
            a.name("gsi1pk")
                .getter(i -> i.gsi1pk)
                .setter((i, v) -> i.gsi1pk = v)
                .tags(StaticAttributeTags.secondaryPartitionKey(MembershipItem.BY_USER_INDEX)));
    b.addAttribute(
        String.class,
        a ->
            a.name("gsi1sk")
                .getter(i -> i.gsi1sk)
                .setter((i, v) -> i.gsi1sk = v)
                .tags(StaticAttributeTags.secondarySortKey(MembershipItem.BY_USER_INDEX)));
    ItemSchemas.attribute(b, String.class, "role", i -> i.role, (i, v) -> i.role = v);
    ItemSchemas.attribute(
        b, String.class, "invitedBy", i -> i.invitedBy, (i, v) -> i.invitedBy = v);
    ItemSchemas.attribute(
        b, String.class, "invitedAt", i -> i.invitedAt, (i, v) -> i.invitedAt = v);
    return b.build();
  }

  /** The user-index sort key of an invitation to {@code orgId}. */
  static String indexSortKey(String orgId) {
    return SORT_PREFIX + OrgItem.partitionKey(orgId);
  }

  static InvitationItem from(Invitation invitation) {
    InvitationItem item = new InvitationItem();
    item.pk = OrgItem.partitionKey(invitation.orgId());
    item.sk = SORT_PREFIX + invitation.userId();
    item.gsi1pk = UserStateItem.partitionKey(invitation.userId());
    item.gsi1sk = indexSortKey(invitation.orgId());
    item.role = invitation.role().wireName();
    item.invitedBy = invitation.invitedBy();
    item.invitedAt = invitation.invitedAt().toString();
    return item;
  }

  Invitation toInvitation() {
    return new Invitation(
        pk.substring("ORG#".length()),
        sk.substring(SORT_PREFIX.length()),
        Role.fromWireName(role).orElseThrow(),
        invitedBy,
        Instant.parse(invitedAt));
  }
}
