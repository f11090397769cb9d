package com.twofactor.core.port;

import java.time.Instant;
import java.util.Optional;

/**
 * The operator's side of {@link BranchKeys}: which version is current, and adding the next one.
 * Earlier versions stay readable after a rotation, so nothing sealed before is lost; what is sealed
 * from then on uses the new version (on AWS, each instance once its ten-minute copy of the key
 * ends).
 *
 * <p>Implementations are thread-safe and serialise rotations by the current version alone, so two
 * rotations at once add one version, never two with the same number. An unreachable key store
 * surfaces as {@code DependencyUnavailableException}.
 */
public interface BranchKeyRotation {

  /** The current version and since when, or empty before the deployment's first use. */
  Optional<CurrentVersion> currentVersion();

  /**
   * Makes version {@code expected + 1} current if {@code expected} still is ({@code 0}: the
   * deployment has no branch key yet, and version 1 is created).
   *
   * @return when the new version became current, as stored; empty, having changed nothing, when the
   *     current version is no longer {@code expected}
   */
  Optional<Instant> rotate(int expected);

  /** A version, and when it was created or made current. */
  record CurrentVersion(int version, Instant since) {
    public CurrentVersion {
      if (version < 1) {
        throw new IllegalArgumentException("versions start at 1");
      }
    }
  }
}
