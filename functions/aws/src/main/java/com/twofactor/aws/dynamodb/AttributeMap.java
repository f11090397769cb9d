package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.Ciphertext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Typed access to an item's attributes in the table's conventions: instants as ISO-8601 strings,
 * ciphertexts as binary, lists as lists; a null or empty value is not written, and an absent
 * attribute reads as null (or the given default). Reflection-free. Not thread-safe: one per item.
 */
final class AttributeMap {
  private final Map<String, AttributeValue> values;

  /** An empty item, to write to. */
  AttributeMap() {
    this.values = new HashMap<>();
  }

  /** An item that was read. */
  AttributeMap(Map<String, AttributeValue> values) {
    this.values = values;
  }

  /** The primary key of the item at {@code pk}, {@code sk}. */
  static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", AttributeValue.fromS(pk), "sk", AttributeValue.fromS(sk));
  }

  Map<String, AttributeValue> values() {
    return values;
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  void text(String name, String value) {
    if (value != null) {
      values.put(name, AttributeValue.fromS(value));
    }
  }

  String text(String name) {
    AttributeValue v = values.get(name);
    return v == null ? null : v.s();
  }

  void number(String name, long value) {
    values.put(name, AttributeValue.fromN(Long.toString(value)));
  }

  long numberOr(String name, long absent) {
    AttributeValue v = values.get(name);
    return v == null ? absent : Long.parseLong(v.n());
  }

  void flag(String name, boolean value) {
    values.put(name, AttributeValue.fromBool(value));
  }

  boolean flag(String name) {
    AttributeValue v = values.get(name);
    return v != null && Boolean.TRUE.equals(v.bool());
  }

  void instant(String name, Instant value) {
    text(name, value == null ? null : value.toString());
  }

  Instant instant(String name) {
    String text = text(name);
    return text == null ? null : StoredInstants.parse(text);
  }

  void bytes(String name, Ciphertext value) {
    if (value != null) {
      values.put(name, AttributeValue.fromB(SdkBytes.fromByteArray(value.bytes())));
    }
  }

  Ciphertext bytes(String name) {
    AttributeValue v = values.get(name);
    return v == null ? null : Ciphertext.of(v.b().asByteArray());
  }

  void texts(String name, Collection<String> value) {
    if (value != null && !value.isEmpty()) {
      values.put(name, AttributeValue.fromL(value.stream().map(AttributeValue::fromS).toList()));
    }
  }

  List<String> texts(String name) {
    AttributeValue v = values.get(name);
    return v == null ? List.of() : v.l().stream().map(AttributeValue::s).toList();
  }

  void instants(String name, List<Instant> value) {
    texts(name, value.stream().map(Instant::toString).toList());
  }

  /** Like {@link #instants(String, List)}, but an empty list is written too (an empty L). */
  void instantsEvenEmpty(String name, List<Instant> value) {
    values.put(
        name,
        AttributeValue.fromL(value.stream().map(i -> AttributeValue.fromS(i.toString())).toList()));
  }

  List<Instant> instants(String name) {
    return texts(name).stream().map(StoredInstants::parse).toList();
  }

  void flags(String name, List<Boolean> value) {
    if (value != null && !value.isEmpty()) {
      values.put(name, AttributeValue.fromL(value.stream().map(AttributeValue::fromBool).toList()));
    }
  }

  List<Boolean> flags(String name) {
    AttributeValue v = values.get(name);
    return v == null ? List.of() : v.l().stream().map(AttributeValue::bool).toList();
  }

  void instantsByKey(String name, Map<String, Instant> value) {
    if (value != null && !value.isEmpty()) {
      Map<String, AttributeValue> map = new TreeMap<>();
      value.forEach((key, at) -> map.put(key, AttributeValue.fromS(at.toString())));
      values.put(name, AttributeValue.fromM(map));
    }
  }

  Map<String, Instant> instantsByKey(String name) {
    AttributeValue v = values.get(name);
    Map<String, Instant> map = new TreeMap<>();
    if (v != null) {
      v.m().forEach((key, at) -> map.put(key, StoredInstants.parse(at.s())));
    }
    return map;
  }
}
