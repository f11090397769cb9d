package com.twofactor.core.backup;

import com.twofactor.core.InvalidRequestException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Backup codes: {@code xxxx-xxxx}, eight characters of Crockford's base-32 alphabet (no i, l, o or
 * u), so 40 random bits each. People may type them in any case, with or without the hyphen or
 * spaces, and the look-alikes o, i and l are read as 0, 1 and 1. Only PBKDF2-HMAC-SHA256 hashes
 * under a per-set salt are stored for checking; one derivation checks a guess against the whole
 * set, compared in constant time. Thread-safe.
 */
public final class BackupCodeHasher {
  /** Crockford base 32: digits and letters without the look-alikes i, l, o and u. */
  static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";

  private static final int CODE_CHARS = 8;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BITS = 256;

  private final int iterations;

  /**
   * @param iterations PBKDF2 work factor: slows an offline guess at a leaked hash without making a
   *     check (one derivation) noticeable on the request path
   */
  public BackupCodeHasher(int iterations) {
    this.iterations = iterations;
  }

  /** {@code count} fresh codes in display form. */
  public static List<String> generate(SecureRandom random, int count) {
    List<String> codes = new ArrayList<>(count);
    for (int c = 0; c < count; c++) {
      StringBuilder code = new StringBuilder(CODE_CHARS + 1);
      for (int i = 0; i < CODE_CHARS; i++) {
        if (i == CODE_CHARS / 2) {
          code.append('-');
        }
        code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
      }
      codes.add(code.toString());
    }
    return codes;
  }

  public static String newSalt(SecureRandom random) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    return Base64.getEncoder().encodeToString(salt);
  }

  /**
   * The canonical eight characters of a typed code.
   *
   * @throws InvalidRequestException on field {@code code} when it cannot be a backup code
   */
  public static String canonical(String typed) {
    String compact = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    StringBuilder canonical = new StringBuilder(CODE_CHARS);
    for (int i = 0; i < compact.length(); i++) {
      char c =
          switch (compact.charAt(i)) {
            case 'o' -> '0';
            case 'i', 'l' -> '1';
            default -> compact.charAt(i);
          };
      if (ALPHABET.indexOf(c) < 0) {
        throw new InvalidRequestException("code", "must be a backup code such as abcd-2345");
      }
      canonical.append(c);
    }
    if (canonical.length() != CODE_CHARS) {
      throw new InvalidRequestException("code", "must be a backup code such as abcd-2345");
    }
    return canonical.toString();
  }

  /** base64 of the hash of a canonical code under {@code salt}. */
  public String hash(String salt, String canonicalCode) {
    return Base64.getEncoder().encodeToString(derive(salt, canonicalCode));
  }

  /**
   * The index of the unused code among {@code hashes} whose hash is {@code guess} (from {@link
   * #derive}), or -1. Every stored hash is compared, used or not, so the time taken does not tell
   * which one matched.
   */
  public static int find(byte[] guess, List<String> hashes, List<Boolean> used) {
    Base64.Decoder base64 = Base64.getDecoder();
    int found = -1;
    for (int i = 0; i < hashes.size(); i++) {
      boolean equal = MessageDigest.isEqual(guess, base64.decode(hashes.get(i)));
      if (equal && !used.get(i)) {
        found = i;
      }
    }
    return found;
  }

  /** The hash of a canonical code under {@code salt}: the one slow step of a check. */
  public byte[] derive(String salt, String canonicalCode) {
    PBEKeySpec spec =
        new PBEKeySpec(
            canonicalCode.toCharArray(), Base64.getDecoder().decode(salt), iterations, HASH_BITS);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is always available", e);
    } finally {
      spec.clearPassword();
    }
  }
}
