package com.twofactor.core.model;

import java.util.Arrays;
import java.util.Optional;

/** A way to prove the second factor, with its wire name. */
public enum Method {
  TOTP("totp"),
  SMS("sms"),
  BACKUP_CODE("backup_code");

  private final String wireName;

  Method(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<Method> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }
}
