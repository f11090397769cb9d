package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * {@code {"actor": "support:jane", "reason": "lost phone and backup codes, ticket 4711"}}: who asks
 * for an admin reset, and why. Both go to the audit record; bounded so a caller cannot flood it.
 */
@Serdeable
public record AdminResetRequest(
    @NotBlank @Size(max = AdminResetRequest.MAX_ACTOR) String actor,
    @NotBlank @Size(max = AdminResetRequest.MAX_REASON) String reason) {
  public static final int MAX_ACTOR = 128;
  public static final int MAX_REASON = 500;
}
