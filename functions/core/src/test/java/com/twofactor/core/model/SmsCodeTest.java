package com.twofactor.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SmsCodeTest {
  private static final Instant LATER = Instant.parse("2026-11-27T10:05:00Z");

  @Test
  void issue_makesSixDigitsAndStoresOnlyASaltedHash() {
    SmsCode.Issued issued = SmsCode.issue(new SecureRandom(), SmsCode.Purpose.SIGN_IN, LATER);

    assertThat(issued.code()).matches("\\d{6}");
    assertThat(issued.stored().hash()).doesNotContain(issued.code());
    assertThat(issued.stored().toString()).doesNotContain(issued.code());
    assertThat(issued.stored().expiresAt()).isEqualTo(LATER);
    assertThat(issued.stored().matches(issued.code())).isTrue();
  }

  @Test
  void matches_refusesAnyOtherCode() {
    SmsCode.Issued issued = SmsCode.issue(new SecureRandom(), SmsCode.Purpose.SIGN_IN, LATER);
    String other = issued.code().equals("000000") ? "000001" : "000000";

    assertThat(issued.stored().matches(other)).isFalse();
  }

  @Test
  void issue_saltsEachCodeDifferently() {
    SecureRandom random = new SecureRandom();
    SmsCode first = SmsCode.issue(random, SmsCode.Purpose.SIGN_IN, LATER).stored();
    SmsCode second = SmsCode.issue(random, SmsCode.Purpose.SIGN_IN, LATER).stored();

    assertThat(first.salt()).isNotEqualTo(second.salt());
  }
}
