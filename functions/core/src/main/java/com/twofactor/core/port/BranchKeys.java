package com.twofactor.core.port;

import javax.crypto.SecretKey;

/**
 * The deployment's branch keys: 256-bit keys, each with a version, from which per-user secret keys
 * and the backup-code pepper are derived (see {@code com.twofactor.core.crypto}). New ciphertexts
 * use the {@link #current()} version; older versions stay readable after a rotation.
 *
 * <p>Implementations are thread-safe. An unreachable key store surfaces as {@code
 * DependencyUnavailableException}; a version that does not exist as {@code
 * SecretIntegrityException}.
 */
public interface BranchKeys {

  /** The version new secrets are sealed under. */
  BranchKey current();

  /** A given version, for opening what was sealed under it. */
  BranchKey version(int version);

  /** One version of the branch key. {@link #toString()} never shows the key. */
  record BranchKey(int version, SecretKey key) {
    public BranchKey {
      if (version < 1) {
        throw new IllegalArgumentException("versions start at 1");
      }
    }

    @Override
    public String toString() {
      return "BranchKey[version=" + version + "]";
    }
  }
}
