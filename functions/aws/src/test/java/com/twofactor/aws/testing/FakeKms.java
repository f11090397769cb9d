package com.twofactor.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-memory KMS that speaks the real wire protocol (JSON 1.1, {@code TrentService.Encrypt} and
 * {@code Decrypt}) on a loopback port, so the real {@code KmsClient} marshals, signs and parses
 * every call. Faithful where it matters for this service: each key id has its own AES-GCM key, the
 * encryption context is authenticated, and Decrypt fails with {@code InvalidCiphertextException}
 * when the context differs or with {@code IncorrectKeyException} when the named key is not the one
 * that encrypted. Every request is captured for field-by-field assertions. Thread-safe.
 */
public final class FakeKms implements AutoCloseable {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final Argument<Map<String, Object>> OBJECT =
      Argument.mapOf(String.class, Object.class);

  private final HttpServer server;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, SecretKey> keys = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  /** One captured call: the operation and its JSON body. */
  public record Request(String operation, Map<String, Object> body) {}

  public FakeKms() {
    server = LoopbackServer.start(this::handle, 8);
  }

  public URI endpoint() {
    return LoopbackServer.endpoint(server);
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), OBJECT);
      requests.add(new Request(operation, body));
      Map<String, Object> answer;
      try {
        answer =
            switch (operation) {
              case "Encrypt" -> encrypt(body);
              case "Decrypt" -> decrypt(body);
              default -> throw new KmsError("UnsupportedOperationException", operation);
            };
      } catch (KmsError e) {
        respond(exchange, 400, Map.of("__type", e.type, "message", e.getMessage()));
        return;
      }
      respond(exchange, 200, answer);
    }
  }

  private Map<String, Object> encrypt(Map<String, Object> body) {
    String keyId = (String) body.get("KeyId");
    byte[] plaintext = Base64.getDecoder().decode((String) body.get("Plaintext"));
    byte[] iv = new byte[12];
    random.nextBytes(iv);
    byte[] keyIdBytes = keyId.getBytes(StandardCharsets.UTF_8);
    byte[] sealed = gcm(Cipher.ENCRYPT_MODE, keyId, iv, context(body), plaintext);
    byte[] blob =
        ByteBuffer.allocate(2 + keyIdBytes.length + iv.length + sealed.length)
            .putShort((short) keyIdBytes.length)
            .put(keyIdBytes)
            .put(iv)
            .put(sealed)
            .array();
    return Map.of(
        "CiphertextBlob", Base64.getEncoder().encodeToString(blob),
        "KeyId", arn(keyId),
        "EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
  }

  private Map<String, Object> decrypt(Map<String, Object> body) {
    ByteBuffer blob =
        ByteBuffer.wrap(Base64.getDecoder().decode((String) body.get("CiphertextBlob")));
    String keyId;
    byte[] iv = new byte[12];
    byte[] sealed;
    try {
      byte[] keyIdBytes = new byte[blob.getShort()];
      blob.get(keyIdBytes);
      keyId = new String(keyIdBytes, StandardCharsets.UTF_8);
      blob.get(iv);
      sealed = new byte[blob.remaining()];
      blob.get(sealed);
    } catch (RuntimeException e) {
      throw new KmsError("InvalidCiphertextException", "malformed ciphertext");
    }
    Object named = body.get("KeyId");
    if (named != null && !named.equals(keyId)) {
      throw new KmsError("IncorrectKeyException", "the key does not match the ciphertext");
    }
    byte[] plaintext = gcm(Cipher.DECRYPT_MODE, keyId, iv, context(body), sealed);
    return Map.of(
        "Plaintext", Base64.getEncoder().encodeToString(plaintext),
        "KeyId", arn(keyId),
        "EncryptionAlgorithm", "SYMMETRIC_DEFAULT");
  }

  private byte[] gcm(int mode, String keyId, byte[] iv, byte[] aad, byte[] input) {
    SecretKey key =
        keys.computeIfAbsent(
            keyId,
            id -> {
              byte[] raw = new byte[32];
              random.nextBytes(raw);
              return new SecretKeySpec(raw, "AES");
            });
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new KmsError("InvalidCiphertextException", "ciphertext or context does not match");
    }
  }

  /** The encryption context in a canonical order, as the additional authenticated data. */
  @SuppressWarnings("unchecked")
  private static byte[] context(Map<String, Object> body) {
    Object context = body.get("EncryptionContext");
    Map<String, Object> sorted =
        new TreeMap<>(context == null ? Map.of() : (Map<String, Object>) context);
    return sorted.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String arn(String keyId) {
    return "arn:aws:kms:us-east-1:000000000000:key/" + keyId.replace("alias/", "");
  }

  private static void respond(HttpExchange exchange, int status, Map<String, Object> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  private static final class KmsError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String type;

    KmsError(String type, String message) {
      super(message);
      this.type = type;
    }
  }
}
