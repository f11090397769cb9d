package com.twofactor.core.model;

import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.backup.BackupCodeHasher;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** A way to prove the second factor, with its wire name and the form its codes are checked in. */
public enum Method {
  TOTP("totp"),
  SMS("sms"),
  BACKUP_CODE("backup_code");

  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

  private final String wireName;

  Method(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /**
   * A code of this method as people type it, normalised for checking: six digits for TOTP and SMS
   * (spaces between groups removed), the canonical eight characters for a backup code.
   *
   * @throws InvalidRequestException on field {@code code} when it cannot be a code of this method
   */
  public String canonicalCode(String typed) {
    if (this == BACKUP_CODE) {
      return BackupCodeHasher.canonical(typed);
    }
    String clean = typed == null ? "" : typed.replace(" ", "");
    if (!SIX_DIGITS.matcher(clean).matches()) {
      throw new InvalidRequestException("code", "must be 6 digits");
    }
    return clean;
  }

  public static Optional<Method> fromWireName(String name) {
    return Arrays.stream(values()).filter(m -> m.wireName.equals(name)).findFirst();
  }
}
