package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class VerificationServiceTest {
  private final Fixture f = new Fixture();

  @Test
  void verify_acceptsTheCurrentCode() {
    byte[] secret = f.enrollTotp("alice");

    assertThat(f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret)).method())
        .isEqualTo(Method.TOTP);
    assertThat(f.audit.events())
        .last()
        .extracting(AuditEvent::action, AuditEvent::outcome)
        .containsExactly("verification", AuditEvent.Outcome.SUCCESS);
  }

  @Test
  void verify_rejectsReplayedCode() {
    byte[] secret = f.enrollTotp("alice");
    String code = f.codeNow(secret);
    f.verification.verify("alice", "alice", Method.TOTP, code);

    assertThatThrownBy(() -> f.verification.verify("alice", "alice", Method.TOTP, code))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void verify_rejectsAnEarlierStepOnceALaterOneWasUsed() {
    byte[] secret = f.enrollTotp("alice");
    String earlier = f.codeNow(secret);
    f.nextStep();
    f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret));

    assertThatThrownBy(() -> f.verification.verify("alice", "alice", Method.TOTP, earlier))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void verify_acceptsTheNextStepAfterAUse() {
    byte[] secret = f.enrollTotp("alice");
    f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret));
    f.nextStep();

    assertThat(f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret)).method())
        .isEqualTo(Method.TOTP);
  }

  @Test
  void verify_refusesAUserWithoutTheMethodLikeAWrongCode() {
    assertThatThrownBy(() -> f.verification.verify("bob", "bob", Method.TOTP, "123456"))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
    byte[] secret = f.enrollTotp("alice");
    assertThatThrownBy(() -> f.verification.verify("alice", "alice", Method.SMS, f.codeNow(secret)))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void verify_fiveWrongCodesLockForFifteenMinutes() {
    byte[] secret = f.enrollTotp("alice");
    String wrong = f.wrongCode(secret);
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> f.verification.verify("alice", "alice", Method.TOTP, wrong))
          .extracting(e -> ((TwoFactorException) e).code())
          .isEqualTo(ErrorCode.INVALID_CODE);
    }

    TwoFactorException fifth =
        refusal(() -> f.verification.verify("alice", "alice", Method.TOTP, wrong));
    assertThat(fifth.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(fifth.retryAfter()).hasValue(Duration.ofMinutes(15));

    f.clock.advance(Duration.ofMinutes(14));
    TwoFactorException locked =
        refusal(() -> f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret)));
    assertThat(locked.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(locked.retryAfter()).hasValue(Duration.ofMinutes(1));
    assertThat(f.status.status("alice").lockedUntil())
        .isEqualTo(f.clock.instant().plus(Duration.ofMinutes(1)));
    assertThat(f.audit.actions()).contains("verification.locked");

    f.clock.advance(Duration.ofMinutes(1));
    assertThat(f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret)).method())
        .isEqualTo(Method.TOTP);
  }

  @Test
  void verify_aSuccessResetsTheCount() {
    byte[] secret = f.enrollTotp("alice");
    String wrong = f.wrongCode(secret);
    for (int i = 0; i < 4; i++) {
      refusal(() -> f.verification.verify("alice", "alice", Method.TOTP, wrong));
    }
    f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(secret));

    assertThat(f.store.load("alice").failedAttempts()).isZero();
    assertThat(refusal(() -> f.verification.verify("alice", "alice", Method.TOTP, wrong)))
        .extracting(TwoFactorException::code)
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void verify_refusesACiphertextMovedFromAnotherUser() {
    byte[] bobSecret = f.enrollTotp("bob");
    f.enrollTotp("alice");
    UserTwoFactor alice = f.store.load("alice");
    f.store.save(alice.toBuilder().totp(f.store.load("bob").totp()).build());

    assertThatThrownBy(
            () -> f.verification.verify("alice", "alice", Method.TOTP, f.codeNow(bobSecret)))
        .isInstanceOf(SecretIntegrityException.class);
    assertThat(f.store.load("alice").failedAttempts()).isZero();
  }
}
