package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Org;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An organization as a DynamoDB item ({@code pk = ORG#<id>}, {@code sk = META}) in the format of
 * docs/data-model.md; each attribute is named once for writing ({@link #item}) and once for reading
 * ({@link #org}), side by side. {@code OrgItemsFormatTest} holds the format to what earlier code
 * wrote. Stateless and thread-safe.
 */
final class OrgItem {
  static final String SORT_KEY = "META";
  private static final String PREFIX = "ORG#";

  private OrgItem() {}

  static String partitionKey(String orgId) {
    return PREFIX + orgId;
  }

  static Map<String, AttributeValue> key(String orgId) {
    return AttributeMap.key(partitionKey(orgId), SORT_KEY);
  }

  /** The item for {@code org}, carrying {@code version} (the version being written). */
  static Map<String, AttributeValue> item(Org org, long version) {
    AttributeMap a = new AttributeMap();
    a.text("pk", partitionKey(org.orgId()));
    a.text("sk", SORT_KEY);
    a.number("version", version);
    a.text("name", org.name());
    a.texts("owners", org.owners());
    a.flag("required", org.required());
    a.instant("requiredSince", org.requiredSince());
    a.number("gracePeriodHours", org.gracePeriodHours());
    a.instant("createdAt", org.createdAt());
    return a.values();
  }

  static Org org(Map<String, AttributeValue> item) {
    AttributeMap a = new AttributeMap(item);
    return new Org(
        a.text("pk").substring(PREFIX.length()),
        a.text("name"),
        a.texts("owners"),
        a.flag("required"),
        a.instant("requiredSince"),
        (int) a.numberOr("gracePeriodHours", 0),
        a.instant("createdAt"),
        a.numberOr("version", 0));
  }
}
