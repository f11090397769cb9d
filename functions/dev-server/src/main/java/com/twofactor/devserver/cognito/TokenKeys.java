package com.twofactor.devserver.cognito;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RS256 key pair the dev server signs its tokens with, made at start-up with the JDK's own
 * crypto and never stored: a restart signs everyone out. Signs and checks compact JWS and publishes
 * the public half as a JWKS. Thread-safe: the keys never change; {@link Signature} objects are made
 * per call.
 */
@Singleton
public final class TokenKeys {
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

  private final KeyPair keys;
  private final String keyId;
  private final JsonMapper json;

  public TokenKeys(SecureRandom random, JsonMapper json) {
    this.json = json;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      this.keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK makes RSA keys", e);
    }
    byte[] id = new byte[12];
    random.nextBytes(id);
    this.keyId = URL.encodeToString(id);
  }

  /** A compact JWS of the claims, header {@code {"kid","alg":"RS256"}} as Cognito's. */
  public String sign(Map<String, Object> claims) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("kid", keyId);
    header.put("alg", "RS256");
    String signingInput = encode(header) + "." + encode(claims);
    try {
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initSign(keys.getPrivate());
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RS256 signing failed", e);
    }
  }

  /**
   * The claims of a token this key signed with RS256; empty for anything else (another key, another
   * algorithm, {@code none}, a changed header or payload, a malformed token). Claims are not
   * checked here.
   */
  public Optional<Map<String, Object>> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      return Optional.empty();
    }
    try {
      Map<String, Object> header = decode(parts[0]);
      if (!"RS256".equals(header.get("alg")) || !keyId.equals(header.get("kid"))) {
        return Optional.empty();
      }
      Signature signature = Signature.getInstance("SHA256withRSA");
      signature.initVerify(keys.getPublic());
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!signature.verify(URL_DECODER.decode(parts[2]))) {
        return Optional.empty();
      }
      return Optional.of(decode(parts[1]));
    } catch (IllegalArgumentException | IOException | GeneralSecurityException malformed) {
      return Optional.empty();
    }
  }

  /** The public key as a JSON Web Key Set, as Cognito publishes its pools' keys. */
  public Map<String, Object> jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("alg", "RS256");
    jwk.put("e", unsigned(key.getPublicExponent()));
    jwk.put("kid", keyId);
    jwk.put("kty", "RSA");
    jwk.put("n", unsigned(key.getModulus()));
    jwk.put("use", "sig");
    return Map.of("keys", List.of(jwk));
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
    return URL.encodeToString(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
  }

  private String encode(Map<String, Object> value) {
    try {
      return URL.encodeToString(json.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalStateException("claims are plain JSON", e);
    }
  }

  private Map<String, Object> decode(String part) throws IOException {
    Map<String, Object> value =
        json.readValue(URL_DECODER.decode(part), Argument.mapOf(String.class, Object.class));
    if (value == null) {
      throw new IOException("not a JSON object");
    }
    return value;
  }
}
