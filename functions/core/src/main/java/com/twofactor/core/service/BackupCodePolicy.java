package com.twofactor.core.service;

/**
 * How many backup codes a set has, and at how many left the status suggests making new ones.
 *
 * @param iterations PBKDF2 work factor of the stored hashes
 *     <p>Immutable and thread-safe.
 */
public record BackupCodePolicy(int count, int lowWatermark, int iterations) {
  public static final BackupCodePolicy DEFAULT = new BackupCodePolicy(10, 3, 10_000);

  public BackupCodePolicy {
    if (count < 1 || lowWatermark < 0 || iterations < 1) {
      throw new IllegalArgumentException("count and iterations must be positive");
    }
  }
}
