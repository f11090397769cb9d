package com.twofactor.devserver.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The server's SRP against Cognito's published constants (AuthenticationHelper.js: the group, g,
 * the HKDF info; k as every Cognito client computes it) and against a vector made by
 * amazon-cognito-identity-js 6.3.21 itself (src/test/resources/srp/srp-vector.js).
 */
@Tag("unit")
class CognitoSrpTest {
  private static final Map<String, String> VECTOR = vector();

  private static Map<String, String> vector() {
    try (InputStream in =
        CognitoSrpTest.class.getResourceAsStream("/srp/amazon-cognito-identity-js-vector.json")) {
      return ObjectMapper.getDefault()
          .readValue(in.readAllBytes(), Argument.mapOf(String.class, String.class));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static BigInteger hex(String name) {
    return new BigInteger(VECTOR.get(name), 16);
  }

  @Test
  void group_isRfc5054s3072BitSafePrimeWithGeneratorTwo() {
    assertThat(CognitoSrp.N.bitLength()).isEqualTo(3072);
    assertThat(CognitoSrp.N.isProbablePrime(64)).isTrue();
    assertThat(CognitoSrp.N.shiftRight(1).isProbablePrime(64)).as("(N-1)/2 prime").isTrue();
    assertThat(CognitoSrp.N.toString(16)).startsWith("ffffffffffffffffc90fdaa22168c234c4c6628b");
    assertThat(CognitoSrp.N.toString(16))
        .endsWith("43db5bfce0fd108e4b82d120a93ad2caffffffffffffffff");
    assertThat(CognitoSrp.G).isEqualTo(BigInteger.TWO);
  }

  @Test
  void multiplier_isCognitosK() {
    assertThat(CognitoSrp.K.toString(16))
        .isEqualTo("538282c4354742d7cbbde2359fcf67f9f5b3a6b08791e5011b43b8a5b66d9ee6")
        .isEqualTo(VECTOR.get("k"));
  }

  @Test
  void verifierAndServerValue_matchTheLibrarysComputation() {
    BigInteger verifier =
        CognitoSrp.verifier(
            VECTOR.get("poolName"),
            VECTOR.get("userIdForSrp"),
            VECTOR.get("password"),
            hex("salt"));
    assertThat(verifier).isEqualTo(hex("v"));
    assertThat(CognitoSrp.serverPublic(verifier, hex("b"))).isEqualTo(hex("B"));
    assertThat(CognitoSrp.u(hex("A"), hex("B"))).isEqualTo(hex("u"));
  }

  @Test
  void serverKeyAndClaim_matchWhatTheLibrarySigned() {
    byte[] key = CognitoSrp.serverKey(hex("A"), hex("B"), hex("b"), hex("v"));
    assertThat(HexFormat.of().formatHex(key)).isEqualTo(VECTOR.get("hkdf"));
    byte[] claim =
        CognitoSrp.claim(
            key,
            VECTOR.get("poolName"),
            VECTOR.get("userIdForSrp"),
            Base64.getDecoder().decode(VECTOR.get("secretBlock")),
            VECTOR.get("timestamp"));
    assertThat(Base64.getEncoder().encodeToString(claim)).isEqualTo(VECTOR.get("signature"));
  }

  @Test
  void testClient_computesWhatTheLibraryComputes() {
    SrpTestClient client = new SrpTestClient(hex("a"));
    assertThat(client.srpA()).isEqualTo(VECTOR.get("A"));
    byte[] key =
        client.key(
            VECTOR.get("poolName"),
            VECTOR.get("userIdForSrp"),
            VECTOR.get("password"),
            hex("B"),
            hex("salt"));
    assertThat(HexFormat.of().formatHex(key)).isEqualTo(VECTOR.get("hkdf"));
    assertThat(SrpTestClient.timestamp(Instant.parse("2026-11-29T01:02:03Z")))
        .isEqualTo(VECTOR.get("timestamp"));
  }

  @Test
  void wrongPassword_givesAnotherKey() {
    BigInteger wrong =
        CognitoSrp.verifier(
            VECTOR.get("poolName"), VECTOR.get("userIdForSrp"), "Correct-Horse-8", hex("salt"));
    byte[] key = CognitoSrp.serverKey(hex("A"), hex("B"), hex("b"), wrong);
    assertThat(HexFormat.of().formatHex(key)).isNotEqualTo(VECTOR.get("hkdf"));
  }

  @Test
  void clientValue_congruentToZero_isRefused() {
    assertThat(CognitoSrp.acceptable(BigInteger.ZERO)).isFalse();
    assertThat(CognitoSrp.acceptable(CognitoSrp.N)).isFalse();
    assertThat(CognitoSrp.acceptable(CognitoSrp.N.multiply(BigInteger.valueOf(3)))).isFalse();
    assertThat(CognitoSrp.acceptable(BigInteger.ONE.negate())).isFalse();
    assertThat(CognitoSrp.acceptable(hex("A"))).isTrue();
  }

  @Test
  void hkdf_usesTheCalderaInfo() {
    // One HKDF-SHA256 block by hand: T(1) = HMAC(HMAC(salt, ikm), "Caldera Derived Key" | 0x01).
    byte[] ikm = "ikm".getBytes(StandardCharsets.UTF_8);
    byte[] salt = "salt".getBytes(StandardCharsets.UTF_8);
    byte[] prk = CognitoSrp.hmac(salt, ikm);
    byte[] t1 = CognitoSrp.hmac(prk, "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8));
    assertThat(CognitoSrp.hkdf(ikm, salt)).isEqualTo(java.util.Arrays.copyOf(t1, 16));
  }
}
