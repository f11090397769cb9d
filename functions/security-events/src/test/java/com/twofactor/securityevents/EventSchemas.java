package com.twofactor.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The published JSON Schemas ({@code docs/events/<detail-type>.schema.json}), and a check of a
 * detail against one: the subset of JSON Schema those files use (object with required properties
 * and no others; string, integer, boolean and array types; const, enum, minimum, minItems).
 */
final class EventSchemas {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private EventSchemas() {}

  static Path dir() {
    return Path.of(System.getProperty("events.dir")).resolveSibling("docs").resolve("events");
  }

  static Map<String, Object> schema(String detailType) {
    try {
      return JSON.readValue(
          Files.readAllBytes(dir().resolve(detailType + ".schema.json")),
          Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static void assertConforms(Map<String, Object> detail) {
    String type = (String) detail.get("type");
    Map<String, Object> schema = schema(type);
    Map<String, Map<String, Object>> properties =
        (Map<String, Map<String, Object>>) schema.get("properties");
    assertThat(schema).containsEntry("additionalProperties", false);
    assertThat(detail.keySet()).as(type).containsAll((List<String>) schema.get("required"));
    assertThat(properties.keySet()).as(type).containsAll(detail.keySet());
    detail.forEach((name, value) -> assertValue(type + "." + name, properties.get(name), value));
  }

  @SuppressWarnings("unchecked")
  private static void assertValue(String where, Map<String, Object> schema, Object value) {
    switch ((String) schema.get("type")) {
      case "string" -> assertThat(value).as(where).isInstanceOf(String.class);
      case "boolean" -> assertThat(value).as(where).isInstanceOf(Boolean.class);
      case "integer" -> {
        assertThat(value).as(where).isInstanceOf(Integer.class);
        if (schema.containsKey("minimum")) {
          assertThat((Integer) value)
              .as(where)
              .isGreaterThanOrEqualTo(((Number) schema.get("minimum")).intValue());
        }
      }
      case "array" -> {
        assertThat(value).as(where).isInstanceOf(List.class);
        if (schema.containsKey("minItems")) {
          assertThat((List<Object>) value)
              .as(where)
              .hasSizeGreaterThanOrEqualTo(((Number) schema.get("minItems")).intValue());
        }
        for (Object item : (List<Object>) value) {
          assertValue(where + "[]", (Map<String, Object>) schema.get("items"), item);
        }
      }
      default -> throw new AssertionError(where + ": unexpected schema type " + schema.get("type"));
    }
    if (schema.containsKey("const")) {
      assertThat(value).as(where).isEqualTo(schema.get("const"));
    }
    if (schema.containsKey("enum")) {
      assertThat((List<Object>) schema.get("enum")).as(where).contains(value);
    }
  }
}
