package com.twofactor.core.org;

import java.time.Instant;
import java.util.Objects;

/** One user's membership of one organization. */
public record Membership(String orgId, String userId, Role role, Instant joinedAt) {
  public Membership {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(joinedAt, "joinedAt");
  }
}
