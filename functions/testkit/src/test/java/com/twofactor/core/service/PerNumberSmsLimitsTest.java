package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 9, item 6: codes texted to one number are limited whichever accounts ask for them. */
@Tag("unit")
class PerNumberSmsLimitsTest {
  private static final String PHONE = Fixture.PHONE;
  private final Fixture f = new Fixture();

  @Test
  void setUp_theFourthAccountWithin15MinutesIsRefusedWithRetryAfter() {
    f.smsEnrollment.start("u1", PHONE, Optional.empty());
    f.clock.advance(Duration.ofMinutes(1));
    f.smsEnrollment.start("u2", PHONE, Optional.empty());
    f.smsEnrollment.start("u3", PHONE, Optional.empty());

    TwoFactorException e = refusal(() -> f.smsEnrollment.start("u4", PHONE, Optional.empty()));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(e.retryAfter()).hasValue(Duration.ofMinutes(14));
    assertThat(f.outbox.messages()).hasSize(3);
    assertThat(f.store.load("u4").pendingSms()).isNull();
  }

  @Test
  void setUp_anotherNumberIsNotAffected() {
    for (String user : new String[] {"u1", "u2", "u3"}) {
      f.smsEnrollment.start(user, PHONE, Optional.empty());
    }

    f.smsEnrollment.start("u4", "+12015550199", Optional.empty());

    assertThat(f.outbox.messages()).hasSize(4);
  }

  @Test
  void signInCodes_countTowardsTheSameNumbersLimit() {
    f.enrollSms("u1");
    f.enrollSms("u2");
    f.clock.advance(Duration.ofMinutes(1));
    f.smsSignIn.sendSignInCode("u1", "u1");

    TwoFactorException e = refusal(() -> f.smsSignIn.sendSignInCode("u2", "u2"));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(f.outbox.messages()).hasSize(3);
  }

  @Test
  void aDayHoldsAtMostTenSendsToOneNumber() {
    int sent = 0;
    for (int i = 0; i < 24; i++) {
      try {
        f.smsEnrollment.start("user-" + i, PHONE, Optional.empty());
        sent++;
      } catch (TwoFactorException e) {
        assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
      }
      f.clock.advance(Duration.ofMinutes(16));
    }
    assertThat(sent).isEqualTo(10);
    f.clock.advance(Duration.ofHours(24));
    f.smsEnrollment.start("later", PHONE, Optional.empty());
  }

  @Test
  void theLogIsKeptUnderAKeyedDigestNeverTheNumber() {
    f.smsEnrollment.start("u1", PHONE, Optional.empty());

    String digest = f.digests.digest(PHONE);
    assertThat(digest).doesNotContain("2015550123").hasSize(43);
    assertThat(f.numberSends.load(digest).sentAt()).hasSize(1);
    assertThat(f.numberSends.load(digest).toString()).doesNotContain("2015550123");
  }
}
