package com.twofactor.core.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The last time an administrator removed a user's factors ("admin reset"), kept in the user's own
 * state by the same write that removed them. It serves two readers: the org grace computation (a
 * member's grace period starts again at {@code at}), and the security-event mapping, which tells an
 * admin's removal from the user's own by this record changing between two images. Immutable.
 *
 * @param actor who asked for the reset, as the trusted back end named them (not secret)
 * @param graceEndsAt for each org that required 2FA of the user as a member at {@code at}, when the
 *     grace period that the reset started ends (with the org's grace hours at that moment)
 */
public record AdminReset(Instant at, String actor, Map<String, Instant> graceEndsAt) {
  public AdminReset {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    graceEndsAt =
        graceEndsAt == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(graceEndsAt));
  }
}
