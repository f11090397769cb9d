package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.codeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.totp.Base32;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BackupCodeServiceTest {
  private final Fixture f = new Fixture();

  /** Enrolls TOTP and returns the backup codes the confirmation showed. */
  private List<String> enrollWithCodes(String userId) {
    byte[] secret = Base32.decode(f.enrollment.start(userId, userId).secret());
    Confirmation confirmation = f.enrollment.confirm(userId, f.codeNow(secret));
    totpSecret = secret;
    f.nextStep();
    return confirmation.newBackupCodes();
  }

  private byte[] totpSecret;

  private Proof totpProof() {
    f.nextStep();
    return new Proof(Method.TOTP, f.codeNow(totpSecret));
  }

  @Test
  void firstConfirm_returnsTenCodesOnceAndTheStatusCountsThem() {
    List<String> codes = enrollWithCodes("alice");

    assertThat(codes).hasSize(10).doesNotHaveDuplicates();
    TwoFactorStatus.BackupCodeSummary status = f.status.status("alice").backupCodes();
    assertThat(status.remaining()).isEqualTo(10);
    assertThat(status.total()).isEqualTo(10);
    assertThat(status.runningLow()).isFalse();
    assertThat(f.store.load("alice").toString()).doesNotContain(codes.get(0));
    assertThat(f.audit.actions()).contains("backup_codes.create");
  }

  @Test
  void confirmOfASecondMethod_keepsTheExistingCodes() {
    List<String> codes = enrollWithCodes("alice");
    f.smsEnrollment.start(
        "alice", Fixture.PHONE, Optional.of(new Proof(Method.BACKUP_CODE, codes.get(1))));

    Confirmation second = f.smsEnrollment.confirm("alice", f.outbox.lastCodeTo(Fixture.PHONE));

    assertThat(second.newBackupCodes()).isEmpty();
    assertThat(f.verification.verify("alice", "alice", Method.BACKUP_CODE, codes.get(0)).method())
        .isEqualTo(Method.BACKUP_CODE);
  }

  @Test
  void consume_worksOnceInAnyCaseWithOrWithoutHyphen() {
    List<String> codes = enrollWithCodes("alice");
    String typed = codes.get(3).replace("-", "").toUpperCase(java.util.Locale.ROOT);

    Verified verified = f.verification.verify("alice", "alice", Method.BACKUP_CODE, typed);

    assertThat(verified.backupCodesRemaining()).hasValue(9);
    assertThat(
            codeOf(() -> f.verification.verify("alice", "alice", Method.BACKUP_CODE, codes.get(3))))
        .isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(f.audit.actions()).contains("backup_code.use");
  }

  @Test
  void consume_wrongCodesCountTowardsTheLockout() {
    enrollWithCodes("alice");
    for (int i = 0; i < 4; i++) {
      assertThat(
              codeOf(
                  () -> f.verification.verify("alice", "alice", Method.BACKUP_CODE, "2222-2222")))
          .isEqualTo(ErrorCode.INVALID_CODE);
    }

    assertThat(
            codeOf(() -> f.verification.verify("alice", "alice", Method.BACKUP_CODE, "2222-2222")))
        .isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
  }

  @Test
  void status_saysWhenThreeOrFewerRemain() {
    List<String> codes = enrollWithCodes("alice");
    for (int i = 0; i < 7; i++) {
      f.verification.verify("alice", "alice", Method.BACKUP_CODE, codes.get(i));
    }

    TwoFactorStatus.BackupCodeSummary status = f.status.status("alice").backupCodes();
    assertThat(status.remaining()).isEqualTo(3);
    assertThat(status.runningLow()).isTrue();
  }

  @Test
  void reveal_showsEachCodeWithItsUsedFlagAfterAValidVerification() {
    List<String> codes = enrollWithCodes("alice");
    f.verification.verify("alice", "alice", Method.BACKUP_CODE, codes.get(0));

    BackupCodeService.Revealed revealed = f.backupCodes.reveal("alice", totpProof());

    assertThat(revealed.codes())
        .extracting(BackupCodeService.RevealedCode::code)
        .containsExactlyElementsOf(codes);
    assertThat(revealed.codes().get(0).used()).isTrue();
    assertThat(revealed.codes().get(1).used()).isFalse();
    assertThat(revealed.remaining()).isEqualTo(9);
    assertThat(f.audit.actions()).contains("backup_codes.reveal");
  }

  @Test
  void reveal_withAWrongVerificationShowsNothing() {
    enrollWithCodes("alice");

    assertThatThrownBy(
            () -> f.backupCodes.reveal("alice", new Proof(Method.TOTP, f.wrongCode(totpSecret))))
        .isInstanceOfSatisfying(
            TwoFactorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CODE));
  }

  @Test
  void reveal_withABackupCodeAsProofUsesThatCode() {
    List<String> codes = enrollWithCodes("alice");

    BackupCodeService.Revealed revealed =
        f.backupCodes.reveal("alice", new Proof(Method.BACKUP_CODE, codes.get(5)));

    assertThat(revealed.codes().get(5).used()).isTrue();
    assertThat(revealed.remaining()).isEqualTo(9);
  }

  @Test
  void regenerate_makesTheOldSetUselessAtOnce() {
    List<String> old = enrollWithCodes("alice");

    BackupCodeService.Revealed fresh = f.backupCodes.regenerate("alice", totpProof());

    assertThat(fresh.codes()).hasSize(10).noneMatch(c -> old.contains(c.code()));
    for (String code : old.subList(0, 3)) {
      assertThat(codeOf(() -> f.verification.verify("alice", "alice", Method.BACKUP_CODE, code)))
          .isEqualTo(ErrorCode.INVALID_CODE);
    }
    f.clock.advance(java.time.Duration.ofMinutes(15));
    assertThat(
            f.verification
                .verify("alice", "alice", Method.BACKUP_CODE, fresh.codes().get(0).code())
                .backupCodesRemaining())
        .hasValue(9);
    assertThat(f.audit.actions()).contains("backup_codes.regenerate");
  }

  @Test
  void reveal_withoutASetAnswersNotFoundAndCountsNoFailure() {
    f.enrollTotp("bob");
    f.store.save(f.store.load("bob").toBuilder().backupCodes(null).build());

    assertThat(
            codeOf(() -> f.backupCodes.reveal("bob", new Proof(Method.BACKUP_CODE, "2222-2222"))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(f.store.load("bob").failedAttempts()).isZero();
  }
}
