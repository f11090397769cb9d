package com.twofactor.core.org;

import java.util.Objects;

/** A user's membership together with the org it is of, as status shows it. */
public record Affiliation(Org org, Membership membership) {
  public Affiliation {
    Objects.requireNonNull(org, "org");
    Objects.requireNonNull(membership, "membership");
  }
}
