package com.twofactor.core.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The HKDF {@code info} of a derived key: a label and its fields, each preceded by its length in
 * four bytes, so no two different lists of fields encode alike (user {@code "a|b"} with purpose
 * {@code "c"} cannot pass for user {@code "a"} with purpose {@code "b|c"}). Stateless.
 */
final class KeyInfo {
  private KeyInfo() {}

  static byte[] of(String... fields) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String field : fields) {
      byte[] bytes = field.getBytes(StandardCharsets.UTF_8);
      out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
