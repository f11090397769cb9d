package com.twofactor.core.org;

import java.util.Arrays;
import java.util.Optional;

/** A member's role in an organization. */
public enum Role {
  OWNER("owner"),
  MEMBER("member");

  private final String wireName;

  Role(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Role> fromWireName(String name) {
    return Arrays.stream(values()).filter(r -> r.wireName.equals(name)).findFirst();
  }
}
