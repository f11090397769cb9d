package com.twofactor.core.service;

import com.twofactor.core.InvalidRequestException;
import java.util.regex.Pattern;

/** Normalises codes typed by people before they are checked. */
final class Codes {
  private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");

  private Codes() {}

  /** A 6-digit code, with spaces people type between groups removed. */
  static String sixDigits(String code) {
    String clean = code == null ? "" : code.replace(" ", "");
    if (!SIX_DIGITS.matcher(clean).matches()) {
      throw new InvalidRequestException("code", "must be 6 digits");
    }
    return clean;
  }
}
