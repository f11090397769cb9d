package com.twofactor.aws.dynamodb;

import com.twofactor.core.org.Org;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/** An organization as a DynamoDB item ({@code pk = ORG#<id>}, {@code sk = META}). */
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
    b.addAttribute(
        String.class,
        a ->
            a.name("pk")
                .getter(i -> i.pk)
                .setter((i, v) -> i.pk = v)
                .tags(StaticAttributeTags.primaryPartitionKey()));
    b.addAttribute(
        String.class,
        a ->
            a.name("sk")
                .getter(i -> i.sk)
                .setter((i, v) -> i.sk = v)
                .tags(StaticAttributeTags.primarySortKey()));
    b.addAttribute(
        Long.class, a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v));
    b.addAttribute(
        String.class, a -> a.name("name").getter(i -> i.name).setter((i, v) -> i.name = v));
    b.addAttribute(
        EnhancedType.listOf(String.class),
        a -> a.name("owners").getter(i -> i.owners).setter((i, v) -> i.owners = v));
    b.addAttribute(
        Boolean.class,
        a -> a.name("required").getter(i -> i.required).setter((i, v) -> i.required = v));
    b.addAttribute(
        String.class,
        a ->
            a.name("requiredSince")
                .getter(i -> i.requiredSince)
                .setter((i, v) -> i.requiredSince = v));
    b.addAttribute(
        Integer.class,
        a ->
            a.name("gracePeriodHours")
                .getter(i -> i.gracePeriodHours)
                .setter((i, v) -> i.gracePeriodHours = v));
    b.addAttribute(
        String.class,
        a -> a.name("createdAt").getter(i -> i.createdAt).setter((i, v) -> i.createdAt = v));
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
