package com.twofactor.core.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SmsPolicyTest {
  private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
  private final SmsPolicy policy = SmsPolicy.DEFAULT;

  private static UserTwoFactor sentAt(List<Instant> sends) {
    return UserTwoFactor.empty("u").toBuilder().smsSentAt(sends).build();
  }

  private TwoFactorException refusal(UserTwoFactor state) {
    try {
      policy.ensureCanSend(state, NOW);
    } catch (TwoFactorException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  @Test
  void ensureCanSend_refusesWithin30SecondsWithTheRemainingWait() {
    TwoFactorException e = refusal(sentAt(List.of(NOW.minusSeconds(10))));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(20));
  }

  @Test
  void ensureCanSend_allowsAfter30Seconds() {
    policy.ensureCanSend(sentAt(List.of(NOW.minusSeconds(30))), NOW);
  }

  @Test
  void ensureCanSend_refusesTheEleventhSendOfAnHourUntilTheOldestLeavesTheWindow() {
    List<Instant> ten = new ArrayList<>();
    for (int i = 10; i >= 1; i--) {
      ten.add(NOW.minus(Duration.ofMinutes(5L * i)));
    }

    TwoFactorException e = refusal(sentAt(ten));

    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(10));
  }

  @Test
  void afterSend_forgetsSendsOlderThanAnHour() {
    UserTwoFactor state = sentAt(List.of(NOW.minus(Duration.ofMinutes(61)), NOW.minusSeconds(60)));

    assertThat(policy.afterSend(state, NOW)).containsExactly(NOW.minusSeconds(60), NOW);
  }
}
