package com.twofactor.core.sms;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;
import com.twofactor.core.InvalidRequestException;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Decides which numbers may receive codes: valid E.164 numbers (libphonenumber metadata) of a
 * mobile kind, in an allowed country. Premium-rate, shared-cost, toll-free, VoIP and fixed-line
 * numbers are refused, which shuts the main doors to SMS pumping (toll fraud). Thread-safe.
 */
public final class PhoneNumbers {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");
  private static final Set<PhoneNumberType> MOBILE =
      Set.of(PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE);
  private static final String FIELD = "phoneNumber";

  private final Set<String> allowedRegions;

  /**
   * @param allowedRegions ISO 3166 region codes, such as {@code US} and {@code GB}
   */
  public PhoneNumbers(Set<String> allowedRegions) {
    TreeSet<String> regions = new TreeSet<>();
    allowedRegions.forEach(r -> regions.add(r.trim().toUpperCase(Locale.ROOT)));
    this.allowedRegions = Set.copyOf(regions);
  }

  /** A number that passed every check, in E.164 form, with its masked hint. */
  public record Checked(String e164, String region, String hint) {
    @Override
    public String toString() {
      return "Checked[" + hint + "]";
    }
  }

  public Checked check(String input) {
    String compact = input == null ? "" : input.replaceAll("[\\s().-]", "");
    if (!E164.matcher(compact).matches()) {
      throw new InvalidRequestException(FIELD, "must be in E.164 form, such as +14155550123");
    }
    Phonenumber.PhoneNumber number;
    try {
      number = UTIL.parse(compact, null);
    } catch (NumberParseException e) {
      throw new InvalidRequestException(FIELD, "is not a valid phone number");
    }
    if (!UTIL.isValidNumber(number)) {
      throw new InvalidRequestException(FIELD, "is not a valid phone number");
    }
    String region = UTIL.getRegionCodeForNumber(number);
    if (region == null || !allowedRegions.contains(region)) {
      throw new InvalidRequestException(
          FIELD, "is in a country we do not send SMS to (allowed: " + allowedRegions + ")");
    }
    if (!MOBILE.contains(UTIL.getNumberType(number))) {
      throw new InvalidRequestException(FIELD, "must be a mobile number");
    }
    String e164 = UTIL.format(number, PhoneNumberFormat.E164);
    return new Checked(e164, region, hint(number.getCountryCode(), e164));
  }

  /** {@code +44 ********23}: the country code and the last two digits only. */
  static String hint(int countryCode, String e164) {
    String national = e164.substring(1 + Integer.toString(countryCode).length());
    return "+"
        + countryCode
        + " "
        + "*".repeat(Math.max(0, national.length() - 2))
        + national.substring(Math.max(0, national.length() - 2));
  }
}
