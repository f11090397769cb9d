package com.twofactor.core.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.twofactor.core.InvalidRequestException;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class PhoneNumbersTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private final PhoneNumbers phones = new PhoneNumbers(Set.of("US", "CA", "GB", "DE", "FR"));

  /** libphonenumber's own example number of a kind, so the tests follow its metadata. */
  private static String example(String region, PhoneNumberType type) {
    return UTIL.format(UTIL.getExampleNumberForType(region, type), PhoneNumberFormat.E164);
  }

  private static String fieldMessage(Runnable call) {
    try {
      call.run();
    } catch (InvalidRequestException e) {
      assertThat(e.errors())
          .singleElement()
          .satisfies(f -> assertThat(f.field()).isEqualTo("phoneNumber"));
      return e.errors().get(0).message();
    }
    throw new AssertionError("expected the number to be refused");
  }

  @Test
  void check_acceptsMobileNumbersOfAllowedCountriesAndMasksThem() {
    PhoneNumbers.Checked us = phones.check("+1 (201) 555-0123");
    PhoneNumbers.Checked gb = phones.check(example("GB", PhoneNumberType.MOBILE));

    assertThat(us.e164()).isEqualTo("+12015550123");
    assertThat(us.region()).isEqualTo("US");
    assertThat(us.hint()).isEqualTo("+1 ********23").doesNotContain("2015550");
    assertThat(gb.region()).isEqualTo("GB");
  }

  @Test
  void check_refusesPremiumRateNumbers() {
    assertThat(fieldMessage(() -> phones.check(example("GB", PhoneNumberType.PREMIUM_RATE))))
        .isEqualTo("must be a mobile number");
  }

  @Test
  void check_refusesFixedLineAndTollFreeNumbers() {
    assertThat(fieldMessage(() -> phones.check(example("GB", PhoneNumberType.FIXED_LINE))))
        .isEqualTo("must be a mobile number");
    assertThat(fieldMessage(() -> phones.check(example("GB", PhoneNumberType.TOLL_FREE))))
        .isEqualTo("must be a mobile number");
  }

  @Test
  void check_refusesCountriesOutsideTheAllowList() {
    assertThat(fieldMessage(() -> phones.check(example("NG", PhoneNumberType.MOBILE))))
        .startsWith("is in a country we do not send SMS to");
  }

  @ParameterizedTest
  @ValueSource(strings = {"+1201", "+4412", "+120155501234567"})
  void check_refusesTooShortOrTooLongNumbers(String number) {
    assertThat(fieldMessage(() -> phones.check(number)))
        .isIn("is not a valid phone number", "must be in E.164 form, such as +14155550123");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2015550123", "001 201 555 0123", "call me", ""})
  void check_refusesNumbersNotInE164Form(String number) {
    assertThat(fieldMessage(() -> phones.check(number)))
        .isEqualTo("must be in E.164 form, such as +14155550123");
  }

  @Test
  void check_refusesNull() {
    assertThatThrownBy(() -> phones.check(null)).isInstanceOf(InvalidRequestException.class);
  }
}
