package com.twofactor.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.twofactor.core.service.Verified;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer to a successful verification; {@code remaining} (backup codes left) only when a backup
 * code was used.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerifiedResponse(boolean verified, String method, Integer remaining) {
  public static VerifiedResponse of(Verified verified) {
    return new VerifiedResponse(
        true,
        verified.method().wireName(),
        verified.backupCodesRemaining().isPresent()
            ? verified.backupCodesRemaining().getAsInt()
            : null);
  }
}
