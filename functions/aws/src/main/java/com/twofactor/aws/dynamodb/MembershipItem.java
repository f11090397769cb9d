package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Role;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A membership as a DynamoDB item ({@code pk = ORG#<org>}, {@code sk = MEMBER#<user>}), also in the
 * user index ({@code gsi1pk = USER#<user>}, {@code gsi1sk = ORG#<org>}) so a user's orgs are one
 * query. Stateless and thread-safe.
 */
final class MembershipItem {
  static final String SORT_PREFIX = "MEMBER#";

  private MembershipItem() {}

  static Map<String, AttributeValue> key(String orgId, String userId) {
    return OrgUserItem.key(orgId, SORT_PREFIX, userId);
  }

  static Map<String, AttributeValue> item(Membership m) {
    AttributeMap a =
        OrgUserItem.withKeys(m.orgId(), SORT_PREFIX, m.userId(), OrgItem.partitionKey(m.orgId()));
    a.text("role", m.role().wireName());
    a.instant("joinedAt", m.joinedAt());
    return a.values();
  }

  static Membership membership(Map<String, AttributeValue> item) {
    AttributeMap a = new AttributeMap(item);
    return new Membership(
        OrgUserItem.orgId(a),
        OrgUserItem.userId(a, SORT_PREFIX),
        Role.fromWireName(a.text("role")).orElseThrow(),
        a.instant("joinedAt"));
  }
}
