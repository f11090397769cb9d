package com.twofactor.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A user's set of single-use backup codes (docs/security-rules.md rule 4). For checking, each code
 * is kept only as a PBKDF2 hash under the set's salt, so consuming a code needs no KMS call; for
 * "Reveal codes", the whole set is also kept encrypted ({@code sealed}, purpose {@code
 * BACKUP_CODES}), in the same order as {@code hashes}.
 *
 * @param salt base64 of the set's random salt; it also identifies the set
 * @param hashes base64 of each code's hash
 * @param used whether each code has been used, index for index with {@code hashes}
 */
public record BackupCodeSet(
    String salt, List<String> hashes, List<Boolean> used, Ciphertext sealed, Instant generatedAt) {

  public BackupCodeSet {
    Objects.requireNonNull(salt, "salt");
    Objects.requireNonNull(sealed, "sealed");
    Objects.requireNonNull(generatedAt, "generatedAt");
    hashes = List.copyOf(hashes);
    used = List.copyOf(used);
    if (hashes.size() != used.size() || hashes.isEmpty()) {
      throw new IllegalArgumentException("each code needs exactly one used flag");
    }
  }

  public int total() {
    return hashes.size();
  }

  public int remaining() {
    return (int) used.stream().filter(u -> !u).count();
  }

  /** The same set with code {@code index} marked used. */
  public BackupCodeSet withUsed(int index) {
    List<Boolean> marked = new java.util.ArrayList<>(used);
    marked.set(index, true);
    return new BackupCodeSet(salt, hashes, marked, sealed, generatedAt);
  }

  @Override
  public String toString() {
    return "BackupCodeSet[remaining="
        + remaining()
        + "/"
        + total()
        + ", generatedAt="
        + generatedAt
        + "]";
  }
}
