package com.twofactor.devserver.cognito;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The client's side of Cognito's SRP, written from amazon-cognito-identity-js
 * (AuthenticationHelper.getPasswordAuthenticationKey, calculateS, computehkdf; CognitoUser
 * .authenticateUserDefaultAuth; DateHelper.getNowString) and independently of the server's {@link
 * CognitoSrp}, whose hashes and group constant it does not share. Test code only.
 */
final class SrpTestClient {
  private static final BigInteger N =
      new BigInteger(
          "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A0879"
              + "8E3404DDEF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A6"
              + "37ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163"
              + "BF0598DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D"
              + "670C354E4ABC9804F1746C08CA18217C32905E462E36CE3BE39E772C180E86039B2783A2EC07A28FB5C5"
              + "5DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AAAC42DAD33170D"
              + "04507A33A85521ABDF1CBA64ECFB850458DBEF0A8AEA71575D060C7DB3970F85A6E1E4C7ABF5AE8CDB09"
              + "33D71E8C94E04A25619DCEE3D2261AD2EE6BF12FFA06D98A0864D87602733EC86A64521F2B18177B200C"
              + "BBE117577A615D6C770988C0BAD946E208E24FA074E5AB3143DB5BFCE0FD108E4B82D120A93AD2CAFFFF"
              + "FFFFFFFFFFFF",
          16);
  private static final BigInteger G = BigInteger.valueOf(2);
  private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  final BigInteger a;
  final BigInteger largeA;

  SrpTestClient(BigInteger a) {
    this.a = a;
    this.largeA = G.modPow(a, N);
  }

  /** A fresh client: 128 random bytes for a, as generateRandomSmallA. */
  static SrpTestClient random() {
    byte[] bytes = new byte[128];
    new SecureRandom().nextBytes(bytes);
    return new SrpTestClient(new BigInteger(1, bytes));
  }

  String srpA() {
    return largeA.toString(16);
  }

  /** getPasswordAuthenticationKey: the 16-byte HKDF of S with u as salt. */
  byte[] key(String poolName, String userId, String password, BigInteger b, BigInteger salt) {
    BigInteger u = hashToInt(padHex(largeA) + padHex(b));
    String inner =
        hex(sha256((poolName + userId + ":" + password).getBytes(StandardCharsets.UTF_8)));
    BigInteger x = hashToInt(padHex(salt) + inner);
    BigInteger k = hashToInt(padHex(N) + padHex(G));
    BigInteger base = b.subtract(k.multiply(G.modPow(x, N)));
    BigInteger s = base.modPow(a.add(u.multiply(x)), N).mod(N);
    byte[] prk = hmac(unhex(padHex(u)), unhex(padHex(s)));
    byte[] info = "Caldera Derived Key\u0001".getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(hmac(prk, info), 16);
  }

  /** The PASSWORD_VERIFIER ChallengeResponses for the server's ChallengeParameters. */
  Map<String, String> passwordVerifier(
      String poolName, Map<String, Object> parameters, String password, Instant now) {
    String userId = (String) parameters.get("USER_ID_FOR_SRP");
    byte[] key =
        key(
            poolName,
            userId,
            password,
            new BigInteger((String) parameters.get("SRP_B"), 16),
            new BigInteger((String) parameters.get("SALT"), 16));
    String timestamp = timestamp(now);
    byte[] secretBlock = Base64.getDecoder().decode((String) parameters.get("SECRET_BLOCK"));
    byte[] message =
        concat(
            poolName.getBytes(StandardCharsets.UTF_8),
            userId.getBytes(StandardCharsets.UTF_8),
            secretBlock,
            timestamp.getBytes(StandardCharsets.UTF_8));
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put("USERNAME", userId);
    responses.put("PASSWORD_CLAIM_SECRET_BLOCK", (String) parameters.get("SECRET_BLOCK"));
    responses.put("TIMESTAMP", timestamp);
    responses.put(
        "PASSWORD_CLAIM_SIGNATURE", Base64.getEncoder().encodeToString(hmac(key, message)));
    return responses;
  }

  /** DateHelper.getNowString: "ddd MMM D HH:mm:ss UTC YYYY", the day not padded. */
  static String timestamp(Instant now) {
    ZonedDateTime t = now.atZone(ZoneOffset.UTC);
    return String.format(
        "%s %s %d %02d:%02d:%02d UTC %d",
        DAYS[t.getDayOfWeek().getValue() - 1],
        MONTHS[t.getMonthValue() - 1],
        t.getDayOfMonth(),
        t.getHour(),
        t.getMinute(),
        t.getSecond(),
        t.getYear());
  }

  /** The library's padHex for non-negative numbers: even length, "00" before a high nibble. */
  static String padHex(BigInteger value) {
    String hex = value.toString(16);
    if (hex.length() % 2 != 0) {
      hex = "0" + hex;
    }
    return "89abcdef".indexOf(hex.charAt(0)) >= 0 ? "00" + hex : hex;
  }

  private static BigInteger hashToInt(String hex) {
    return new BigInteger(1, sha256(unhex(hex)));
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    for (byte b : bytes) {
      out.append(String.format("%02x", b));
    }
    return out.toString();
  }

  private static byte[] unhex(String hex) {
    byte[] out = new byte[hex.length() / 2];
    for (int i = 0; i < out.length; i++) {
      out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
    }
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
    byte[] all = new byte[length];
    int at = 0;
    for (byte[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }
}
