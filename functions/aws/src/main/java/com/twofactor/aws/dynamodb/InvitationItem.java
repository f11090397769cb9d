package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Role;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An invitation as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = INVITE#<user>}), in the
 * user index under {@code gsi1pk = USER#<user>}, {@code gsi1sk = INVITE#ORG#<org>}: the prefix
 * keeps invitations apart from memberships in both the org's partition and the user's index.
 * Stateless and thread-safe.
 */
final class InvitationItem {
  static final String SORT_PREFIX = "INVITE#";

  private InvitationItem() {}

  /** The user-index sort key of an invitation to {@code orgId}. */
  static String indexSortKey(String orgId) {
    return SORT_PREFIX + OrgItem.partitionKey(orgId);
  }

  static Map<String, AttributeValue> key(String orgId, String userId) {
    return OrgUserItem.key(orgId, SORT_PREFIX, userId);
  }

  static Map<String, AttributeValue> item(Invitation invitation) {
    AttributeMap a =
        OrgUserItem.withKeys(
            invitation.orgId(), SORT_PREFIX, invitation.userId(), indexSortKey(invitation.orgId()));
    a.text("role", invitation.role().wireName());
    a.text("invitedBy", invitation.invitedBy());
    a.instant("invitedAt", invitation.invitedAt());
    return a.values();
  }

  static Invitation invitation(Map<String, AttributeValue> item) {
    AttributeMap a = new AttributeMap(item);
    return new Invitation(
        OrgUserItem.orgId(a),
        OrgUserItem.userId(a, SORT_PREFIX),
        Role.fromWireName(a.text("role")).orElseThrow(),
        a.text("invitedBy"),
        a.instant("invitedAt"));
  }
}
