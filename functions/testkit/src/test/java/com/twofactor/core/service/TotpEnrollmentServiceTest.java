package com.twofactor.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.service.TwoFactorStatus.State;
import com.twofactor.core.totp.Base32;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class TotpEnrollmentServiceTest {
  private final Fixture f = new Fixture();

  @Test
  void start_returnsSecretUriAndQrCodeOfAPendingSetUp() {
    TotpSetup setup = f.enrollment.start("alice", "alice@example.com");

    assertThat(Base32.decode(setup.secret())).hasSize(20);
    assertThat(setup.otpauthUri())
        .startsWith("otpauth://totp/Acme:alice%40example.com?secret=" + setup.secret());
    assertThat(setup.qrCode()).startsWith("data:image/svg+xml;base64,");
    assertThat(setup.expiresAt()).isEqualTo(Fixture.START.plus(Duration.ofMinutes(10)));
    assertThat(f.status.status("alice").totp().status()).isEqualTo(State.PENDING);
    assertThat(f.status.status("alice").enabled()).isFalse();
  }

  @Test
  void start_storesTheSecretOnlyAsCiphertextBoundToUserAndPurpose() {
    TotpSetup setup = f.enrollment.start("alice", "alice");
    var sealed = f.store.load("alice").pendingTotp().secret();

    assertThat(sealed.bytes()).isNotEqualTo(Base32.decode(setup.secret()));
    assertThat(f.cipher.decrypt(sealed, EncryptionContext.of("alice", Purpose.TOTP_SECRET)))
        .isEqualTo(Base32.decode(setup.secret()));
  }

  @Test
  void start_eachSetUpHasAFreshSecret() {
    String first = f.enrollment.start("alice", "alice").secret();
    String second = f.enrollment.start("alice", "alice").secret();

    assertThat(first).isNotEqualTo(second);
  }

  @Test
  void start_restartReplacesThePendingSecret() {
    byte[] old = Base32.decode(f.enrollment.start("alice", "alice").secret());
    f.enrollment.start("alice", "alice");

    assertThatThrownBy(() -> f.enrollment.confirm("alice", f.codeNow(old)))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }

  @Test
  void start_isRefusedWhileTotpIsActive() {
    f.enrollTotp("alice");

    assertThatThrownBy(() -> f.enrollment.start("alice", "alice"))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.ALREADY_ENABLED);
    assertThat(f.store.load("alice").pendingTotp()).isNull();
  }

  @Test
  void confirm_activatesTotpWithACurrentCodeAndAudits() {
    TotpSetup setup = f.enrollment.start("alice", "alice");

    TwoFactorStatus status =
        f.enrollment.confirm("alice", f.codeNow(Base32.decode(setup.secret()))).status();

    assertThat(status.enabled()).isTrue();
    assertThat(status.totp().status()).isEqualTo(State.ACTIVE);
    assertThat(status.totp().confirmedAt()).isEqualTo(Fixture.START);
    assertThat(f.store.load("alice").pendingTotp()).isNull();
    assertThat(f.audit.actions()).containsExactly("totp.enable", "backup_codes.create");
  }

  @Test
  void confirm_acceptsCodesTypedWithASpace() {
    byte[] secret = Base32.decode(f.enrollment.start("alice", "alice").secret());
    String code = f.codeNow(secret);

    assertThat(
            f.enrollment
                .confirm("alice", code.substring(0, 3) + " " + code.substring(3))
                .status()
                .enabled())
        .isTrue();
  }

  @Test
  void confirm_rejectsAWrongCodeAndCountsIt() {
    byte[] secret = Base32.decode(f.enrollment.start("alice", "alice").secret());
    String wrong = f.wrongCode(secret);

    assertThatThrownBy(() -> f.enrollment.confirm("alice", wrong))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(f.store.load("alice").failedAttempts()).isEqualTo(1);
    assertThat(f.status.status("alice").totp().status()).isEqualTo(State.PENDING);
  }

  @Test
  void confirm_rejectsMalformedCodesAsInvalidRequest() {
    f.enrollment.start("alice", "alice");

    assertThatThrownBy(() -> f.enrollment.confirm("alice", "12a456"))
        .isInstanceOf(InvalidRequestException.class);
    assertThat(f.store.load("alice").failedAttempts()).isZero();
  }

  @Test
  void confirm_withoutSetUpAnswersNoPendingEnrollment() {
    assertThatThrownBy(() -> f.enrollment.confirm("alice", "123456"))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.NO_PENDING_ENROLLMENT);
  }

  @Test
  void confirm_afterTenMinutesTheSetUpHasExpired() {
    byte[] secret = Base32.decode(f.enrollment.start("alice", "alice").secret());
    f.clock.advance(Duration.ofMinutes(10));

    assertThatThrownBy(() -> f.enrollment.confirm("alice", f.codeNow(secret)))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.NO_PENDING_ENROLLMENT);
    assertThat(f.status.status("alice").totp().status()).isEqualTo(State.NONE);
  }

  @Test
  void confirm_theConfirmationCodeCannotBeReplayedToVerify() {
    byte[] secret = Base32.decode(f.enrollment.start("alice", "alice").secret());
    String code = f.codeNow(secret);
    f.enrollment.confirm("alice", code);

    assertThatThrownBy(() -> f.verification.verify("alice", "alice", Method.TOTP, code))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
  }
}
