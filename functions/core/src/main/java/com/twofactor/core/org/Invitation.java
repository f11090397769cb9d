package com.twofactor.core.org;

import java.time.Instant;
import java.util.Objects;

/**
 * An owner's offer of a role in an org to a user. It binds nothing: until the user accepts, they
 * are not a member, not counted, not listed and not subject to the org's requirement.
 */
public record Invitation(
    String orgId, String userId, Role role, String invitedBy, Instant invitedAt) {
  public Invitation {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(invitedBy, "invitedBy");
    Objects.requireNonNull(invitedAt, "invitedAt");
  }
}
