package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Issue 9, item 1: an authenticator app is added to an SMS-only account only with a proof. */
@Tag("unit")
class TotpStepUpTest {
  private final Fixture f = new Fixture();

  /** An SMS-only user holding a live sign-in code; returns it. */
  private String smsUserWithSignInCode(String userId) {
    f.enrollSms(userId);
    f.clock.advance(SmsPolicy.DEFAULT.minInterval());
    f.smsSignIn.sendSignInCode(userId, userId);
    return f.outbox.lastCodeTo(Fixture.PHONE);
  }

  @Test
  void start_whileSmsIsActive_withoutVerificationIsRefusedAndStoresNothing() {
    f.enrollSms("alice");

    TwoFactorException e = refusal(() -> f.enrollment.start("alice", "alice", Optional.empty()));

    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(((InvalidRequestException) e).errors())
        .singleElement()
        .satisfies(field -> assertThat(field.field()).isEqualTo("verification"));
    assertThat(f.store.load("alice").pendingTotp()).isNull();
  }

  @Test
  void start_whileSmsIsActive_aWrongProofAnswersInvalidCodeAndCounts() {
    String code = smsUserWithSignInCode("alice");
    String wrong = code.equals("000000") ? "000001" : "000000";

    TwoFactorException e =
        refusal(
            () -> f.enrollment.start("alice", "alice", Optional.of(new Proof(Method.SMS, wrong))));

    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(f.store.load("alice").failedAttempts()).isEqualTo(1);
    assertThat(f.store.load("alice").pendingTotp()).isNull();
  }

  @Test
  void start_withAnSmsProof_storesTheSetUpAndUsesTheCodeUpInOneWrite() {
    String code = smsUserWithSignInCode("alice");
    long before = f.store.load("alice").version();

    f.enrollment.start("alice", "alice", Optional.of(new Proof(Method.SMS, code)));

    assertThat(f.store.load("alice").version()).isEqualTo(before + 1);
    assertThat(f.store.load("alice").pendingTotp()).isNotNull();
    assertThat(refusal(() -> f.verification.verify("alice", "alice", Method.SMS, code)).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void start_withoutAnyFactorNeedsNoProof() {
    TotpSetup setup = f.enrollment.start("alice", "alice", Optional.empty());

    assertThat(setup.secret()).isNotBlank();
    assertThat(f.store.load("alice").pendingTotp()).isNotNull();
  }
}
