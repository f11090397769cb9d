package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.totp.Base32;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, items 1 and 2: adding a factor needs a fresh proof, spent by the very write that stores
 * the set-up; and an action that is refused (or fails) spends no proof.
 */
@Tag("unit")
class StepUpTest {
  private static final String OTHER_PHONE = "+12015550188";
  private final Fixture f = new Fixture();
  private byte[] totpSecret;

  /** Alice's refused attempt to set up SMS on {@code phone}, with a backup code as the proof. */
  private TwoFactorException smsStartRefused(String phone, String backupCode) {
    return refusal(
        () ->
            f.smsEnrollment.start(
                "alice", phone, Optional.of(new Proof(Method.BACKUP_CODE, backupCode))));
  }

  /** Enrolls TOTP and returns the first backup codes. */
  private List<String> enrollTotpWithCodes(String userId) {
    totpSecret = Base32.decode(f.enrollment.start(userId, userId).secret());
    List<String> codes = f.enrollment.confirm(userId, f.codeNow(totpSecret)).newBackupCodes();
    f.nextStep();
    return codes;
  }

  private boolean backupCodeStillWorks(String userId, String code) {
    try {
      f.verification.verify(userId, userId, Method.BACKUP_CODE, code);
      return true;
    } catch (TwoFactorException e) {
      return false;
    }
  }

  @Test
  void smsStart_whileTotpIsActive_needsVerification() {
    enrollTotpWithCodes("alice");

    TwoFactorException e =
        refusal(() -> f.smsEnrollment.start("alice", Fixture.PHONE, Optional.empty()));

    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST);
    assertThat(((InvalidRequestException) e).errors())
        .singleElement()
        .satisfies(field -> assertThat(field.field()).isEqualTo("verification"));
    assertThat(f.store.load("alice").pendingSms()).isNull();
    assertThat(f.outbox.messages()).isEmpty();
  }

  @Test
  void smsStart_whileTotpIsActive_aWrongProofAnswersInvalidCodeAndCountsTowardsTheLockout() {
    enrollTotpWithCodes("alice");

    TwoFactorException e =
        refusal(
            () ->
                f.smsEnrollment.start(
                    "alice",
                    Fixture.PHONE,
                    Optional.of(new Proof(Method.TOTP, f.wrongCode(totpSecret)))));

    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(f.store.load("alice").failedAttempts()).isEqualTo(1);
    assertThat(f.store.load("alice").pendingSms()).isNull();
    assertThat(f.outbox.messages()).isEmpty();
  }

  @Test
  void smsStart_theProofIsSpentByTheSameWriteThatStoresThePendingPhone() {
    List<String> codes = enrollTotpWithCodes("alice");
    long before = f.store.load("alice").version();

    f.smsEnrollment.start(
        "alice", Fixture.PHONE, Optional.of(new Proof(Method.BACKUP_CODE, codes.get(0))));

    var after = f.store.load("alice");
    assertThat(after.version()).isEqualTo(before + 1);
    assertThat(after.pendingSms()).isNotNull();
    assertThat(after.backupCodes().remaining()).isEqualTo(codes.size() - 1);
    assertThat(backupCodeStillWorks("alice", codes.get(0))).isFalse();
  }

  @Test
  void smsStart_refusedByThePerUserRateLimit_spendsNoProof() {
    List<String> codes = enrollTotpWithCodes("alice");
    f.smsEnrollment.start(
        "alice", Fixture.PHONE, Optional.of(new Proof(Method.BACKUP_CODE, codes.get(0))));

    TwoFactorException e = smsStartRefused(Fixture.PHONE, codes.get(1));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(f.store.load("alice").backupCodes().remaining()).isEqualTo(codes.size() - 1);
    assertThat(backupCodeStillWorks("alice", codes.get(1))).isTrue();
  }

  @Test
  void smsStart_refusedByThePerNumberLimit_spendsNoProof() {
    for (String other : List.of("bob", "carol", "dave")) {
      f.smsEnrollment.start(other, OTHER_PHONE, Optional.empty());
    }
    List<String> codes = enrollTotpWithCodes("alice");

    TwoFactorException e = smsStartRefused(OTHER_PHONE, codes.get(0));

    assertThat(e.code()).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
    assertThat(e.retryAfter()).isPresent();
    assertThat(f.store.load("alice").pendingSms()).isNull();
    assertThat(backupCodeStillWorks("alice", codes.get(0))).isTrue();
  }

  @Test
  void smsStart_refusedWhileLockedOut_spendsNoProof() {
    List<String> codes = enrollTotpWithCodes("alice");
    for (int i = 0; i < LockoutPolicy.DEFAULT.maxFailures(); i++) {
      refusal(() -> f.verification.verify("alice", "alice", Method.TOTP, "000000"));
    }

    TwoFactorException e = smsStartRefused(Fixture.PHONE, codes.get(0));

    assertThat(e.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
    f.clock.advance(LockoutPolicy.DEFAULT.lockDuration().plus(Duration.ofSeconds(1)));
    assertThat(backupCodeStillWorks("alice", codes.get(0))).isTrue();
  }

  @Test
  void reveal_refusedForWantOfASet_spendsNoProof() {
    enrollTotpWithCodes("alice");
    f.store.save(f.store.load("alice").toBuilder().backupCodes(null).build());
    f.nextStep();
    String code = f.codeNow(totpSecret);

    assertThat(refusal(() -> f.backupCodes.reveal("alice", new Proof(Method.TOTP, code))).code())
        .isEqualTo(ErrorCode.NOT_FOUND);

    assertThat(f.verification.verify("alice", "alice", Method.TOTP, code).method())
        .isEqualTo(Method.TOTP);
  }

  @Test
  void reveal_theBackupCodeGivenAsProofIsSpentByTheRevealAndShownUsed() {
    List<String> codes = enrollTotpWithCodes("alice");
    long before = f.store.load("alice").version();

    BackupCodeService.Revealed revealed =
        f.backupCodes.reveal("alice", new Proof(Method.BACKUP_CODE, codes.get(2)));

    assertThat(f.store.load("alice").version()).isEqualTo(before + 1);
    assertThat(revealed.remaining()).isEqualTo(codes.size() - 1);
    assertThat(revealed.codes().get(2).used()).isTrue();
    assertThat(f.audit.actions()).contains("backup_code.use", "backup_codes.reveal");
  }

  @Test
  void regenerate_theProofIsSpentByTheWriteThatReplacesTheSet() {
    List<String> codes = enrollTotpWithCodes("alice");
    long before = f.store.load("alice").version();

    BackupCodeService.Revealed fresh =
        f.backupCodes.regenerate("alice", new Proof(Method.BACKUP_CODE, codes.get(0)));

    assertThat(f.store.load("alice").version()).isEqualTo(before + 1);
    assertThat(fresh.remaining()).isEqualTo(codes.size());
    assertThat(backupCodeStillWorks("alice", codes.get(1))).isFalse();
    assertThat(backupCodeStillWorks("alice", fresh.codes().get(0).code())).isTrue();
  }
}
