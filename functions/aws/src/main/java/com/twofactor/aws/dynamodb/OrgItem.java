package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Org;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * An organization as a DynamoDB item ({@code pk = ORG#<id>}, {@code sk = META}). *
 *
 * <p>Its schema is immutable and shared; an item instance is not thread-safe (one per mapping).
 */
final class OrgItem {
  static final String SORT_KEY = "META";
  static final TableSchema<OrgItem> SCHEMA = schema();

  private String pk;
  private String sk;
  private Long version;
  private String name;
  private List<String> owners;
  private Boolean required;
  private String requiredSince;
  private Integer gracePeriodHours;
  private String createdAt;

  private static TableSchema<OrgItem> schema() {
    var b = StaticTableSchema.builder(OrgItem.class).newItemSupplier(OrgItem::new);
    ItemSchemas.keys(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    ItemSchemas.attribute(b, Long.class, "version", i -> i.version, (i, v) -> i.version = v);
    ItemSchemas.attribute(b, String.class, "name", i -> i.name, (i, v) -> i.name = v);
    ItemSchemas.list(b, String.class, "owners", i -> i.owners, (i, v) -> i.owners = v);
    ItemSchemas.attribute(b, Boolean.class, "required", i -> i.required, (i, v) -> i.required = v);
    ItemSchemas.attribute(
        b, String.class, "requiredSince", i -> i.requiredSince, (i, v) -> i.requiredSince = v);
    ItemSchemas.attribute(
        b,
        Integer.class,
        "gracePeriodHours",
        i -> i.gracePeriodHours,
        (i, v) -> i.gracePeriodHours = v);
    ItemSchemas.attribute(
        b, String.class, "createdAt", i -> i.createdAt, (i, v) -> i.createdAt = v);
    return b.build();
  }

  static String partitionKey(String orgId) {
    return "ORG#" + orgId;
  }

  static OrgItem from(Org org, long version) {
    OrgItem item = new OrgItem();
    item.pk = partitionKey(org.orgId());
    item.sk = SORT_KEY;
    item.version = version;
    item.name = org.name();
    item.owners = org.owners();
    item.required = org.required();
    item.requiredSince = org.requiredSince() == null ? null : org.requiredSince().toString();
    item.gracePeriodHours = org.gracePeriodHours();
    item.createdAt = org.createdAt().toString();
    return item;
  }

  Org toOrg() {
    return new Org(
        pk.substring("ORG#".length()),
        name,
        owners == null ? List.of() : owners,
        Boolean.TRUE.equals(required),
        requiredSince == null ? null : Instant.parse(requiredSince),
        gracePeriodHours == null ? 0 : gracePeriodHours,
        Instant.parse(createdAt),
        version == null ? 0 : version);
  }
}
