package com.twofactor.devserver.cognito;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's side of Cognito's SRP-6a variant, as amazon-cognito-identity-js's
 * AuthenticationHelper computes the client's: the 3072-bit group of RFC 5054 (RFC 3526 group 15), g
 * = 2, SHA-256, k = H(PAD(N) | PAD(g)), x = H(PAD(salt) | H(poolName | userId | ":" | password)), u
 * = H(PAD(A) | PAD(B)), and the 16-byte key HKDF-SHA256(salt = PAD(u), ikm = PAD(S), info =
 * "Caldera Derived Key"). The client proves the password with HMAC-SHA256(key, poolName | userId |
 * secretBlock | timestamp). PAD is the library's {@code padHex}: the minimal two's-complement
 * bytes, which for the non-negative numbers here is {@link BigInteger#toByteArray()}.
 *
 * <p>Stateless and thread-safe: every method is a pure function of its arguments.
 */
public final class CognitoSrp {
  /** RFC 5054's 3072-bit prime, as AuthenticationHelper.js spells it. */
  public static final BigInteger N =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD1"
              + "29024E088A67CC74020BBEA63B139B22514A08798E3404DD"
              + "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245"
              + "E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED"
              + "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3D"
              + "C2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F"
              + "83655D23DCA3AD961C62F356208552BB9ED529077096966D"
              + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B"
              + "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9"
              + "DE2BCBF6955817183995497CEA956AE515D2261898FA0510"
              + "15728E5A8AAAC42DAD33170D04507A33A85521ABDF1CBA64"
              + "ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7"
              + "ABF5AE8CDB0933D71E8C94E04A25619DCEE3D2261AD2EE6B"
              + "F12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
              + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB31"
              + "43DB5BFCE0FD108E4B82D120A93AD2CAFFFFFFFFFFFFFFFF",
          16);

  public static final BigInteger G = BigInteger.TWO;

  /** k = H(PAD(N) | PAD(g)). */
  public static final BigInteger K = new BigInteger(1, sha256(pad(N), pad(G)));

  private static final byte[] INFO = "Caldera Derived Key".getBytes(StandardCharsets.UTF_8);

  private CognitoSrp() {}

  /** The library's padHex, as bytes. Only for non-negative numbers. */
  public static byte[] pad(BigInteger value) {
    if (value.signum() < 0) {
      throw new IllegalArgumentException("negative");
    }
    return value.toByteArray();
  }

  /** x = H(PAD(salt) | H(poolName | userId | ":" | password)). */
  public static BigInteger x(String poolName, String userId, String password, BigInteger salt) {
    byte[] inner = sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, sha256(pad(salt), inner));
  }

  /** The verifier v = g^x mod N: all the server keeps of a password. */
  public static BigInteger verifier(
      String poolName, String userId, String password, BigInteger salt) {
    return G.modPow(x(poolName, userId, password, salt), N);
  }

  /** B = (k·v + g^b) mod N. */
  public static BigInteger serverPublic(BigInteger verifier, BigInteger b) {
    return K.multiply(verifier).add(G.modPow(b, N)).mod(N);
  }

  /**
   * A client value the server must refuse: A ≡ 0 (mod N) would make S = 0 whatever the password.
   */
  public static boolean acceptable(BigInteger clientPublic) {
    return clientPublic.signum() > 0 && clientPublic.mod(N).signum() != 0;
  }

  /** u = H(PAD(A) | PAD(B)). */
  public static BigInteger u(BigInteger clientPublic, BigInteger serverPublic) {
    return new BigInteger(1, sha256(pad(clientPublic), pad(serverPublic)));
  }

  /** The server's 16-byte key: S = (A·v^u)^b mod N, then HKDF with PAD(u) as salt. */
  public static byte[] serverKey(
      BigInteger clientPublic, BigInteger serverPublic, BigInteger b, BigInteger verifier) {
    BigInteger u = u(clientPublic, serverPublic);
    BigInteger s = clientPublic.multiply(verifier.modPow(u, N)).mod(N).modPow(b, N);
    return hkdf(pad(s), pad(u));
  }

  /** HKDF-SHA256 with one block of expansion and info "Caldera Derived Key", cut to 16 bytes. */
  public static byte[] hkdf(byte[] ikm, byte[] salt) {
    byte[] prk = hmac(salt, ikm);
    byte[] info = Arrays.copyOf(INFO, INFO.length + 1);
    info[INFO.length] = 1;
    return Arrays.copyOf(hmac(prk, info), 16);
  }

  /** HMAC-SHA256(key, poolName | userId | secretBlock | timestamp): the password claim. */
  public static byte[] claim(
      byte[] key, String poolName, String userId, byte[] secretBlock, String timestamp) {
    return hmac(
        key,
        concat(
            poolName.getBytes(StandardCharsets.UTF_8),
            userId.getBytes(StandardCharsets.UTF_8),
            secretBlock,
            timestamp.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] sha256(byte[]... parts) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (byte[] part : parts) {
        digest.update(part);
      }
      return digest.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every JDK has HmacSHA256", e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    int length = 0;
    for (byte[] part : parts) {
      length += part.length;
    }
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
