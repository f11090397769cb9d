package com.twofactor.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SmsMessagesTest {
  @Test
  void messages_nameTheIssuerWarnAndEndWithTheOriginBoundLine() {
    String text = new SmsMessages("Acme", Optional.of("acme.example")).text("123456");

    assertThat(text).startsWith("Acme code: 123456.").contains("Never share it");
    assertThat(text.lines().reduce((a, b) -> b)).hasValue("@acme.example #123456");
    assertThat(new SmsMessages("Acme", Optional.empty()).text("123456")).doesNotContain("@");
  }
}
