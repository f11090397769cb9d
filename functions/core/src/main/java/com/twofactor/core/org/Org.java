package com.twofactor.core.org;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An organization's settings and its owners, read and written as a unit under a version, like a
 * user's state. Owners are few and live here, so that switching the requirement costs calls in
 * proportion to them, not to the members; members have items of their own ({@link Membership}).
 *
 * @param requiredSince when the current requirement started (null when not required)
 * @param gracePeriodHours how long a member may stay without 2FA once the requirement (or their
 *     membership) starts
 */
public record Org(
    String orgId,
    String name,
    List<String> owners,
    boolean required,
    Instant requiredSince,
    int gracePeriodHours,
    Instant createdAt,
    long version) {

  public Org {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(createdAt, "createdAt");
    owners = List.copyOf(owners);
  }

  public boolean isOwner(String userId) {
    return owners.contains(userId);
  }

  public Org withOwners(List<String> newOwners) {
    return new Org(
        orgId, name, newOwners, required, requiredSince, gracePeriodHours, createdAt, version);
  }

  public Org withRequirement(boolean newRequired, Instant since, int graceHours) {
    return new Org(orgId, name, owners, newRequired, since, graceHours, createdAt, version);
  }

  public Org withVersion(long newVersion) {
    return new Org(
        orgId, name, owners, required, requiredSince, gracePeriodHours, createdAt, newVersion);
  }
}
