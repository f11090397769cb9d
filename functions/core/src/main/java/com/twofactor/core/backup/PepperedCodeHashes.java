package com.twofactor.core.backup;

import com.twofactor.core.crypto.Pepper;
import com.twofactor.core.port.SecretCipher;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The stored hashes of backup codes, peppered: HMAC-SHA256, under a pepper derived from the branch
 * key, of the PBKDF2 hash under the set's salt. The pepper is never in the table, so a copy of the
 * table alone allows no offline guessing of the 40-bit codes.
 *
 * <p>The set's salt says which scheme its hashes use: {@code p<version>.<base64>} for a set
 * peppered under branch-key version {@code version}; plain base64 (which has no {@code .}) for a
 * set made before peppers, whose hashes still check as they were made. New sets are peppered
 * whenever the cipher keeps a pepper.
 *
 * <p>Thread-safe: {@link BackupCodeHasher} and the cipher are.
 */
public final class PepperedCodeHashes {
  private static final String PEPPERED = "p";
  private static final char SEPARATOR = '.';

  private final BackupCodeHasher codes;
  private final SecretCipher keys;

  public PepperedCodeHashes(BackupCodeHasher codes, SecretCipher keys) {
    this.codes = codes;
    this.keys = keys;
  }

  /** A fresh salt, naming the pepper new hashes under it take (if any). */
  public String newSalt(SecureRandom random) {
    String salt = BackupCodeHasher.newSalt(random);
    Optional<Pepper> pepper = keys.currentPepper();
    return pepper.map(p -> PEPPERED + p.version() + SEPARATOR + salt).orElse(salt);
  }

  /** base64 of the stored hash of a canonical code under {@code salt}. */
  public String hash(String salt, String canonicalCode) {
    return Base64.getEncoder().encodeToString(derive(salt, canonicalCode));
  }

  /**
   * The hash of a canonical code under {@code salt}, to compare with {@link BackupCodeHasher#find}.
   */
  public byte[] derive(String salt, String canonicalCode) {
    int separator = salt.indexOf(SEPARATOR);
    if (separator < 0) {
      return codes.derive(salt, canonicalCode);
    }
    if (!salt.startsWith(PEPPERED)) {
      throw new IllegalArgumentException("unknown backup-code salt format");
    }
    int version = Integer.parseInt(salt.substring(PEPPERED.length(), separator));
    byte[] slow = codes.derive(salt.substring(separator + 1), canonicalCode);
    try {
      return keys.pepper(version).apply(slow);
    } finally {
      Arrays.fill(slow, (byte) 0);
    }
  }
}
