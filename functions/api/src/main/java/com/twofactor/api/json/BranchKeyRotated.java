package com.twofactor.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.twofactor.core.service.BranchKeyRotationService.Rotated;
import io.micronaut.serde.annotation.Serdeable;

/**
 * {@code {version, previousVersion, rotatedAt}}: the branch-key version new secrets are sealed
 * under from now on, the one it replaced ({@code null} when this created the first), and when.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BranchKeyRotated(int version, Integer previousVersion, String rotatedAt) {
  public static BranchKeyRotated from(Rotated rotated) {
    return new BranchKeyRotated(
        rotated.version(), rotated.previousVersion().orElse(null), rotated.rotatedAt().toString());
  }
}
