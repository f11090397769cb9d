package com.twofactor.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A confirmed SMS factor.
 *
 * @param phone the E.164 number, encrypted for (user, {@code PHONE_NUMBER})
 * @param phoneHint a masked form safe to show and store in clear, such as {@code +1 *******67}
 */
public record ActiveSms(Ciphertext phone, String phoneHint, Instant confirmedAt) {
  public ActiveSms {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(phoneHint, "phoneHint");
    Objects.requireNonNull(confirmedAt, "confirmedAt");
  }
}
