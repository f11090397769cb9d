package com.twofactor.aws.dynamodb;

import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * Shorthands for the static (reflection-free) schemas of the items sharing the table. *
 *
 * <p>Stateless and thread-safe.
 */
final class ItemSchemas {
  private ItemSchemas() {}

  /** The table's {@code pk} and {@code sk} keys. */
  static <I> void keys(
      StaticTableSchema.Builder<I> builder,
      Function<I, String> pk,
      BiConsumer<I, String> setPk,
      Function<I, String> sk,
      BiConsumer<I, String> setSk) {
    builder.addAttribute(
        String.class,
        a -> a.name("pk").getter(pk).setter(setPk).tags(StaticAttributeTags.primaryPartitionKey()));
    builder.addAttribute(
        String.class,
        a -> a.name("sk").getter(sk).setter(setSk).tags(StaticAttributeTags.primarySortKey()));
  }

  static <I, T> void attribute(
      StaticTableSchema.Builder<I> builder,
      Class<T> type,
      String name,
      Function<I, T> getter,
      BiConsumer<I, T> setter) {
    builder.addAttribute(type, a -> a.name(name).getter(getter).setter(setter));
  }

  static <I, T> void list(
      StaticTableSchema.Builder<I> builder,
      Class<T> elementType,
      String name,
      Function<I, java.util.List<T>> getter,
      BiConsumer<I, java.util.List<T>> setter) {
    builder.addAttribute(
        EnhancedType.listOf(elementType), a -> a.name(name).getter(getter).setter(setter));
  }
}
