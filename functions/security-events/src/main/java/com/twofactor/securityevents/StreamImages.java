package com.twofactor.securityevents;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;

/**
 * Converts a stream record's image from the Lambda events library's {@code AttributeValue} into the
 * AWS SDK v2 type that the table's item schemas read. A pure type conversion: what an item means is
 * decided only by {@code ItemImages}. Stateless and thread-safe.
 */
final class StreamImages {
  private StreamImages() {}

  static Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> toSdk(
      Map<String, AttributeValue> image) {
    if (image == null) {
      return null;
    }
    Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> sdk =
        new LinkedHashMap<>();
    image.forEach((name, value) -> sdk.put(name, toSdk(value)));
    return sdk;
  }

  static software.amazon.awssdk.services.dynamodb.model.AttributeValue toSdk(AttributeValue v) {
    var b = software.amazon.awssdk.services.dynamodb.model.AttributeValue.builder();
    if (v.getS() != null) {
      return b.s(v.getS()).build();
    }
    if (v.getN() != null) {
      return b.n(v.getN()).build();
    }
    if (v.getB() != null) {
      return b.b(bytes(v.getB())).build();
    }
    if (v.getBOOL() != null) {
      return b.bool(v.getBOOL()).build();
    }
    if (Boolean.TRUE.equals(v.getNULL())) {
      return b.nul(true).build();
    }
    if (v.getSS() != null) {
      return b.ss(v.getSS()).build();
    }
    if (v.getNS() != null) {
      return b.ns(v.getNS()).build();
    }
    if (v.getBS() != null) {
      return b.bs(v.getBS().stream().map(StreamImages::bytes).toList()).build();
    }
    if (v.getM() != null) {
      return b.m(toSdk(v.getM())).build();
    }
    if (v.getL() != null) {
      List<software.amazon.awssdk.services.dynamodb.model.AttributeValue> list =
          v.getL().stream().map(StreamImages::toSdk).toList();
      return b.l(list).build();
    }
    throw new IllegalArgumentException("an attribute value without a type");
  }

  private static SdkBytes bytes(ByteBuffer buffer) {
    return SdkBytes.fromByteBuffer(buffer.asReadOnlyBuffer());
  }
}
