package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed TOTP factor.
 *
 * @param secret the 160-bit secret, encrypted for (user, {@code TOTP_SECRET})
 * @param confirmedAt when the user proved possession with a first code
 * @param lastUsedStep the highest RFC 6238 time step accepted so far; steps at or below it are
 *     refused, so each code is accepted at most once (RFC 6238 section 5.2)
 */
public record ActiveTotp(Ciphertext secret, Instant confirmedAt, long lastUsedStep) {
  public ActiveTotp {
    Objects.requireNonNull(secret, "secret");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
  }

  public ActiveTotp withLastUsedStep(long step) {
    return new ActiveTotp(secret, confirmedAt, step);
  }
}
