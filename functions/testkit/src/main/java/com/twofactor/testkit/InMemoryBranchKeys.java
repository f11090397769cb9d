package com.twofactor.testkit;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.port.BranchKeyRotation;
import com.twofactor.core.port.BranchKeys;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;

/**
 * Branch keys held in memory, with the contract of the table-kept ones: version 1 drawn on first
 * use, a rotation conditional on the current version, every version readable. The keys live as long
 * as the process, so nothing sealed under them outlives it (as nothing of the in-memory stores
 * does). Thread-safe: every method holds this object's lock.
 */
public final class InMemoryBranchKeys implements BranchKeys, BranchKeyRotation {
  private final Map<Integer, BranchKey> versions = new HashMap<>();
  private final SecureRandom random;
  private final Clock clock;
  private CurrentVersion current;

  public InMemoryBranchKeys(SecureRandom random, Clock clock) {
    this.random = random;
    this.clock = clock;
  }

  @Override
  public synchronized BranchKey current() {
    if (current == null) {
      add(1);
    }
    return versions.get(current.version());
  }

  @Override
  public synchronized BranchKey version(int version) {
    BranchKey key = versions.get(version);
    if (key == null) {
      throw new SecretIntegrityException(
          new GeneralSecurityException("no branch-key version " + version));
    }
    return key;
  }

  @Override
  public synchronized Optional<CurrentVersion> currentVersion() {
    return Optional.ofNullable(current);
  }

  @Override
  public synchronized Optional<Instant> rotate(int expected) {
    int now = current == null ? 0 : current.version();
    if (now != expected) {
      return Optional.empty();
    }
    add(expected + 1);
    return Optional.of(current.since());
  }

  private void add(int version) {
    byte[] material = new byte[32];
    random.nextBytes(material);
    versions.put(version, new BranchKey(version, new SecretKeySpec(material, "AES")));
    current = new CurrentVersion(version, clock.instant());
  }
}
