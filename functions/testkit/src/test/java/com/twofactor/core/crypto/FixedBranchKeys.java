package com.twofactor.core.crypto;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.port.BranchKeys;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.spec.SecretKeySpec;

/** Branch keys held in memory for unit tests; {@link #rotate} adds a version. Thread-safe. */
final class FixedBranchKeys implements BranchKeys {
  private final Map<Integer, BranchKey> versions = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private volatile int current;

  FixedBranchKeys() {
    rotate();
  }

  synchronized void rotate() {
    byte[] material = new byte[32];
    random.nextBytes(material);
    current++;
    versions.put(current, new BranchKey(current, new SecretKeySpec(material, "AES")));
  }

  @Override
  public BranchKey current() {
    return versions.get(current);
  }

  @Override
  public BranchKey version(int version) {
    BranchKey key = versions.get(version);
    if (key == null) {
      throw new SecretIntegrityException(new GeneralSecurityException("no version " + version));
    }
    return key;
  }
}
