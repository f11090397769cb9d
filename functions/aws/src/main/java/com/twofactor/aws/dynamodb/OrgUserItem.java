package com.twofactor.aws.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of an item about one user in one org, a membership or an invitation: {@code pk =
 * ORG#<org>}, {@code sk = <kind>#<user>}, and the {@value #BY_USER_INDEX} index keys {@code gsi1pk
 * = USER#<user>} and {@code gsi1sk} (see docs/data-model.md). Written and read here once for both
 * kinds. Stateless and thread-safe.
 */
final class OrgUserItem {
  /** The index of memberships and invitations by user, so a user's orgs are one query. */
  static final String BY_USER_INDEX = "byUser";

  private OrgUserItem() {}

  /** The primary key of the item about {@code userId} in {@code orgId}. */
  static Map<String, AttributeValue> key(String orgId, String sortPrefix, String userId) {
    return AttributeMap.key(OrgItem.partitionKey(orgId), sortPrefix + userId);
  }

  /** An item about {@code userId} in {@code orgId} with its four keys set. */
  static AttributeMap withKeys(
      String orgId, String sortPrefix, String userId, String indexSortKey) {
    AttributeMap a = new AttributeMap();
    a.text("pk", OrgItem.partitionKey(orgId));
    a.text("sk", sortPrefix + userId);
    a.text("gsi1pk", UserStateItem.partitionKey(userId));
    a.text("gsi1sk", indexSortKey);
    return a;
  }

  static String orgId(AttributeMap item) {
    return item.text("pk").substring(OrgItem.partitionKey("").length());
  }

  static String userId(AttributeMap item, String sortPrefix) {
    return item.text("sk").substring(sortPrefix.length());
  }
}
