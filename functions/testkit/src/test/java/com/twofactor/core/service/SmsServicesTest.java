package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.service.TwoFactorStatus.State;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class SmsServicesTest {
  private static final String PHONE = Fixture.PHONE;
  private final Fixture f = new Fixture();

  private String wrong(String right) {
    return right.equals("000000") ? "000001" : "000000";
  }

  @Test
  void start_sendsACodeAndKeepsOnlyTheEncryptedNumberAndAHint() {
    SmsChallenge challenge = f.smsEnrollment.start("alice", "+1 201 555 0123", Optional.empty());

    assertThat(challenge.phoneHint()).isEqualTo("+1 ********23");
    assertThat(challenge.codeExpiresAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(5)));
    assertThat(challenge.resendAvailableAt()).isEqualTo(Fixture.START.plusSeconds(30));
    assertThat(f.outbox.messages())
        .singleElement()
        .satisfies(sms -> assertThat(sms.to()).isEqualTo(PHONE));
    var pending = f.store.load("alice").pendingSms();
    assertThat(f.store.load("alice").toString()).doesNotContain("2015550123");
    assertThat(
            new String(
                f.cipher.decrypt(
                    pending.phone(), EncryptionContext.of("alice", Purpose.PHONE_NUMBER)),
                StandardCharsets.UTF_8))
        .isEqualTo(PHONE);
    assertThat(f.status.status("alice").sms().status()).isEqualTo(State.PENDING);
  }

  @Test
  void confirm_activatesThePhoneWithTheTextedCode() {
    f.smsEnrollment.start("alice", PHONE, Optional.empty());

    TwoFactorStatus status = f.smsEnrollment.confirm("alice", f.outbox.lastCodeTo(PHONE)).status();

    assertThat(status.enabled()).isTrue();
    assertThat(status.sms().status()).isEqualTo(State.ACTIVE);
    assertThat(status.sms().phoneHint()).isEqualTo("+1 ********23");
    assertThat(f.audit.actions()).contains("sms.code_sent", "sms.enable");
  }

  @Test
  void confirm_theCodeDiesAfterFiveWrongTries() {
    f.smsEnrollment.start("alice", PHONE, Optional.empty());
    String code = f.outbox.lastCodeTo(PHONE);
    for (int i = 0; i < 4; i++) {
      assertThat(codeOf(() -> f.smsEnrollment.confirm("alice", wrong(code))))
          .isEqualTo(ErrorCode.INVALID_CODE);
    }
    // The fifth wrong code also reaches the shared lockout; wait it out.
    assertThat(codeOf(() -> f.smsEnrollment.confirm("alice", wrong(code))))
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    f.clock.advance(Duration.ofMinutes(15));
    f.smsEnrollment.start("alice", PHONE, Optional.empty());
    String fresh = f.outbox.lastCodeTo(PHONE);

    assertThat(f.store.load("alice").smsCode().attempts()).isZero();
    assertThat(f.smsEnrollment.confirm("alice", fresh).status().enabled()).isTrue();
  }

  @Test
  void confirm_fiveWrongTriesKillTheCode() {
    f.smsEnrollment.start("alice", PHONE, Optional.empty());
    String code = f.outbox.lastCodeTo(PHONE);
    for (int i = 0; i < 4; i++) {
      codeOf(() -> f.smsEnrollment.confirm("alice", wrong(code)));
    }
    assertThat(f.store.load("alice").smsCode().attempts()).isEqualTo(4);

    codeOf(() -> f.smsEnrollment.confirm("alice", wrong(code)));

    assertThat(f.store.load("alice").smsCode()).isNull();
  }

  @Test
  void confirm_aCodeOlderThanFiveMinutesIsRefused() {
    f.smsEnrollment.start("alice", PHONE, Optional.empty());
    String code = f.outbox.lastCodeTo(PHONE);
    f.clock.advance(Duration.ofMinutes(5));

    assertThat(codeOf(() -> f.smsEnrollment.confirm("alice", code)))
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void start_aSecondSendWithin30SecondsIsRateLimited() {
    f.smsEnrollment.start("alice", PHONE, Optional.empty());
    f.clock.advance(Duration.ofSeconds(12));

    TwoFactorException e =
        (TwoFactorException)
            org.assertj.core.api.Assertions.catchThrowable(
                () -> f.smsEnrollment.start("alice", PHONE, Optional.empty()));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(18));
    assertThat(f.outbox.messages()).hasSize(1);
  }

  @Test
  void start_aFailedSendLeavesNoUsableCode() {
    f.outbox.failWith(new DependencyUnavailableException("SNS Publish", null));

    assertThatThrownBy(() -> f.smsEnrollment.start("alice", PHONE, Optional.empty()))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(f.store.load("alice").smsCode()).isNull();
  }

  @Test
  void start_replacingAnActivePhoneNeedsAFreshSecondFactor() {
    f.enrollSms("alice");
    f.clock.advance(Duration.ofMinutes(1));

    assertThatThrownBy(() -> f.smsEnrollment.start("alice", "+12015550199", Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e -> assertThat(e.errors().get(0).field()).isEqualTo("verification"));

    f.smsSignIn.sendSignInCode("alice", "alice");
    String signIn = f.outbox.lastCodeTo(PHONE);
    f.clock.advance(Duration.ofSeconds(30));
    f.smsEnrollment.start("alice", "+12015550199", Optional.of(new Proof(Method.SMS, signIn)));

    assertThat(f.status.status("alice").sms().status())
        .as("the active phone stays until the new one is confirmed")
        .isEqualTo(State.ACTIVE);
    f.smsEnrollment.confirm("alice", f.outbox.lastCodeTo("+12015550199"));
    assertThat(f.status.status("alice").sms().phoneHint()).isEqualTo("+1 ********99");
  }

  @Test
  void signIn_aTextedCodeVerifiesOnceOnly() {
    f.enrollSms("alice");
    f.clock.advance(Duration.ofSeconds(30));
    f.smsSignIn.sendSignInCode("alice", "alice");
    String code = f.outbox.lastCodeTo(PHONE);

    assertThat(f.verification.verify("alice", "alice", Method.SMS, code).method())
        .isEqualTo(Method.SMS);
    assertThat(codeOf(() -> f.verification.verify("alice", "alice", Method.SMS, code)))
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void signIn_wrongCodesCountTowardsTheSharedLockout() {
    f.enrollSms("alice");
    f.clock.advance(Duration.ofSeconds(30));
    f.smsSignIn.sendSignInCode("alice", "alice");
    String code = f.outbox.lastCodeTo(PHONE);
    for (int i = 0; i < 4; i++) {
      codeOf(() -> f.verification.verify("alice", "alice", Method.SMS, wrong(code)));
    }

    assertThat(codeOf(() -> f.verification.verify("alice", "alice", Method.TOTP, "123456")))
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
  }

  @Test
  void signIn_withoutAnActivePhoneIsNotFound() {
    assertThat(codeOf(() -> f.smsSignIn.sendSignInCode("alice", "alice")))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(f.outbox.messages()).isEmpty();
  }

  @Test
  void signIn_noSmsIsSentWhileLockedOut() {
    f.enrollSms("alice");
    for (int i = 0; i < 5; i++) {
      codeOf(() -> f.verification.verify("alice", "alice", Method.SMS, "000000"));
    }
    f.clock.advance(Duration.ofMinutes(1));
    int sent = f.outbox.messages().size();

    assertThat(codeOf(() -> f.smsSignIn.sendSignInCode("alice", "alice")))
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(f.outbox.messages()).hasSize(sent);
  }
}
