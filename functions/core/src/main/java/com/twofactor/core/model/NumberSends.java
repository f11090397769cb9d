package com.twofactor.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The codes recently texted to one destination number, whichever accounts asked, kept under the
 * number's keyed digest (never the number itself) for the per-number SMS limits.
 *
 * @param numberDigest the keyed digest of the E.164 number ({@code PhoneNumberDigest})
 * @param version the optimistic-locking token, as for {@link UserTwoFactor} (0: nothing stored)
 * @param sentAt when codes were sent within the longest limit window, oldest first
 * @param keepUntil when the record stops mattering (its last send leaves the longest window), so a
 *     store may let it expire; null when nothing was sent
 */
public record NumberSends(
    String numberDigest, long version, List<Instant> sentAt, Instant keepUntil) {
  public NumberSends {
    Objects.requireNonNull(numberDigest, "numberDigest");
    if (version < 0) {
      throw new IllegalArgumentException("version must not be negative");
    }
    sentAt = sentAt == null ? List.of() : List.copyOf(sentAt);
  }

  /** A number nothing has been sent to yet. */
  public static NumberSends none(String numberDigest) {
    return new NumberSends(numberDigest, 0, List.of(), null);
  }

  /** The same record with another send log, kept until {@code keepUntil}. */
  public NumberSends withSends(List<Instant> sends, Instant keepUntil) {
    return new NumberSends(numberDigest, version, sends, keepUntil);
  }

  public NumberSends withVersion(long newVersion) {
    return new NumberSends(numberDigest, newVersion, sentAt, keepUntil);
  }
}
