package com.twofactor.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.model.SmsCode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmsCodesTest {
  private static final Instant LATER = Instant.parse("2026-11-27T10:05:00Z");

  @Test
  void issue_makesSixDigitsAndStoresOnlyASaltedHash() {
    SmsCodes.Issued issued = SmsCodes.issue(new SecureRandom(), SmsCode.Purpose.SIGN_IN, LATER);

    assertThat(issued.code()).matches("\\d{6}");
    assertThat(issued.stored().hash()).doesNotContain(issued.code());
    assertThat(issued.stored().toString()).doesNotContain(issued.code());
    assertThat(issued.stored().expiresAt()).isEqualTo(LATER);
    assertThat(SmsCodes.matches(issued.stored(), issued.code())).isTrue();
  }

  @Test
  void matches_refusesAnyOtherCode() {
    SmsCodes.Issued issued = SmsCodes.issue(new SecureRandom(), SmsCode.Purpose.SIGN_IN, LATER);
    String other = issued.code().equals("000000") ? "000001" : "000000";

    assertThat(SmsCodes.matches(issued.stored(), other)).isFalse();
  }

  @Test
  void issue_saltsEachCodeDifferently() {
    SecureRandom random = new SecureRandom();
    SmsCode first = SmsCodes.issue(random, SmsCode.Purpose.SIGN_IN, LATER).stored();
    SmsCode second = SmsCodes.issue(random, SmsCode.Purpose.SIGN_IN, LATER).stored();

    assertThat(first.salt()).isNotEqualTo(second.salt());
  }

  @Test
  void messages_nameTheIssuerWarnAndEndWithTheOriginBoundLine() {
    String text = new SmsMessages("Acme", Optional.of("acme.example")).text("123456");

    assertThat(text).startsWith("Acme code: 123456.").contains("Never share it");
    assertThat(text.lines().reduce((a, b) -> b)).hasValue("@acme.example #123456");
    assertThat(new SmsMessages("Acme", Optional.empty()).text("123456")).doesNotContain("@");
  }
}
