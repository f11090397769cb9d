package com.twofactor.aws.dynamodb;

import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * The keys of an item about one user in one org, a membership or an invitation: {@code pk =
 * ORG#<org>}, {@code sk = <kind>#<user>}, and the {@value MembershipItem#BY_USER_INDEX} index keys
 * {@code gsi1pk = USER#<user>} and {@code gsi1sk} (see docs/data-model.md). Declared, written and
 * read here once for both kinds. Not thread-safe: an item being mapped.
 */
abstract class OrgUserItem {
  String pk;
  String sk;
  String gsi1pk;
  String gsi1sk;

  /** A schema builder for {@code type} with the four keys already declared. */
  static <I extends OrgUserItem> StaticTableSchema.Builder<I> schemaWithKeys(
      Class<I> type, Supplier<I> newItem) {
    var b = StaticTableSchema.builder(type).newItemSupplier(newItem);
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
    return b;
  }

  /** Sets the keys of the item about {@code userId} in {@code orgId}. */
  void keys(String orgId, String sortPrefix, String userId, String indexSortKey) {
    pk = OrgItem.partitionKey(orgId);
    sk = sortPrefix + userId;
    gsi1pk = UserStateItem.partitionKey(userId);
    gsi1sk = indexSortKey;
  }

  String orgId() {
    return pk.substring(OrgItem.partitionKey("").length());
  }

  String userId(String sortPrefix) {
    return sk.substring(sortPrefix.length());
  }
}
