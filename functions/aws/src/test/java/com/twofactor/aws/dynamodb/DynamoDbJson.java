package com.twofactor.aws.dynamodb;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items in DynamoDB's own JSON ({@code {"S":…}}, {@code {"N":…}}, {@code {"B":base64}}, {@code
 * {"BOOL":…}}, {@code {"L":[…]}}, {@code {"M":{…}}}), as the stored-format fixtures hold them.
 */
final class DynamoDbJson {
  private DynamoDbJson() {}

  /** The JSON object in the class-path resource {@code name}. */
  static Map<String, Object> resource(String name) {
    try (InputStream in = DynamoDbJson.class.getClassLoader().getResourceAsStream(name)) {
      return ObjectMapper.getDefault()
          .readValue(
              new String(in.readAllBytes(), StandardCharsets.UTF_8),
              Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An item: attribute names to their typed values. */
  @SuppressWarnings("unchecked")
  static Map<String, AttributeValue> item(Object json) {
    Map<String, AttributeValue> item = new TreeMap<>();
    ((Map<String, Object>) json).forEach((name, value) -> item.put(name, value(value)));
    return item;
  }

  @SuppressWarnings("unchecked")
  private static AttributeValue value(Object json) {
    Map<String, Object> typed = (Map<String, Object>) json;
    Map.Entry<String, Object> only = typed.entrySet().iterator().next();
    Object v = only.getValue();
    return switch (only.getKey()) {
      case "S" -> AttributeValue.fromS((String) v);
      case "N" -> AttributeValue.fromN((String) v);
      case "B" ->
          AttributeValue.fromB(SdkBytes.fromByteArray(Base64.getDecoder().decode((String) v)));
      case "BOOL" -> AttributeValue.fromBool((Boolean) v);
      case "L" -> {
        List<AttributeValue> list = new ArrayList<>();
        ((List<Object>) v).forEach(e -> list.add(value(e)));
        yield AttributeValue.fromL(list);
      }
      case "M" -> AttributeValue.fromM(item(v));
      default -> throw new IllegalArgumentException("unknown type " + only.getKey());
    };
  }
}
