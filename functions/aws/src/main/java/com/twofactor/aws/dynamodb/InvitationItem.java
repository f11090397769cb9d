package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Role;
import java.time.Instant;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;

/**
 * An invitation as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = INVITE#<user>}), in the
 * user index under {@code gsi1pk = USER#<user>}, {@code gsi1sk = INVITE#ORG#<org>}: the prefix
 * keeps invitations apart from memberships in both the org's partition and the user's index.
 *
 * <p>Its schema is immutable and shared; an item instance is not thread-safe (one per mapping).
 */
final class InvitationItem extends OrgUserItem {
  static final String SORT_PREFIX = "INVITE#";
  static final TableSchema<InvitationItem> SCHEMA = schema();

  private String role;
  private String invitedBy;
  private String invitedAt;

  private static TableSchema<InvitationItem> schema() {
    var b = schemaWithKeys(InvitationItem.class, InvitationItem::new);
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
    item.keys(
        invitation.orgId(), SORT_PREFIX, invitation.userId(), indexSortKey(invitation.orgId()));
    item.role = invitation.role().wireName();
    item.invitedBy = invitation.invitedBy();
    item.invitedAt = invitation.invitedAt().toString();
    return item;
  }

  Invitation toInvitation() {
    return new Invitation(
        orgId(),
        userId(SORT_PREFIX),
        Role.fromWireName(role).orElseThrow(),
        invitedBy,
        Instant.parse(invitedAt));
  }
}
