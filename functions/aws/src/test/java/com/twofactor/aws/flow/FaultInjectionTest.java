package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.keys.TableBranchKeys;
import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.BackupCodeService;
import com.twofactor.core.service.Proof;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * docs/security-rules.md rule 7: a failing dependency grants nothing and leaves no half-written
 * state.
 */
@Tag("dynalite")
class FaultInjectionTest extends OnEmulatedAws {
  @AfterEach
  void heal() {
    aws.faults.clear();
  }

  private TwoFactorStore store() {
    return aws.bean(TwoFactorStore.class);
  }

  /**
   * KMS fails while this instance must open the branch key (as after a restore or its ten minutes):
   * secrets are sealed and opened under it, so KMS is on the path only then.
   */
  private void kmsDownWithTheBranchKeyClosed() {
    aws.bean(TableBranchKeys.class).forget();
    aws.faults.fail("Decrypt");
  }

  @Test
  void verify_kmsDecryptFailureGrantsNothingAndWritesNothing() {
    byte[] secret = TotpOnAws.enroll(aws, "kms-down");
    UserTwoFactor before = store().load("kms-down");
    kmsDownWithTheBranchKeyClosed();

    assertThatThrownBy(
            () ->
                aws.bean(VerificationService.class)
                    .verify("kms-down", "kms-down", Method.TOTP, TotpOnAws.nextStepCode(secret)))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(store().load("kms-down")).isEqualTo(before);

    aws.faults.clear();
    assertThat(
            aws.bean(VerificationService.class)
                .verify("kms-down", "kms-down", Method.TOTP, TotpOnAws.nextStepCode(secret))
                .method())
        .isEqualTo(Method.TOTP);
  }

  @Test
  void verify_dynamoDbWriteFailureDoesNotGrantTheCode() {
    byte[] secret = TotpOnAws.enroll(aws, "ddb-down");
    UserTwoFactor before = store().load("ddb-down");
    String code = TotpOnAws.nextStepCode(secret);
    aws.faults.fail("PutItem");

    assertThatThrownBy(
            () ->
                aws.bean(VerificationService.class)
                    .verify("ddb-down", "ddb-down", Method.TOTP, code))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(store().load("ddb-down")).isEqualTo(before);
  }

  @Test
  void verify_dynamoDbReadFailureGrantsNothing() {
    byte[] secret = TotpOnAws.enroll(aws, "ddb-read-down");
    aws.faults.fail("GetItem");

    assertThatThrownBy(
            () ->
                aws.bean(VerificationService.class)
                    .verify(
                        "ddb-read-down",
                        "ddb-read-down",
                        Method.TOTP,
                        TotpOnAws.nextStepCode(secret)))
        .isInstanceOf(DependencyUnavailableException.class);
  }

  @Test
  void start_kmsFailureLeavesNoPendingSetUp() {
    TotpOnAws.enroll(aws, "warm-the-branch-key");
    kmsDownWithTheBranchKeyClosed();

    assertThatThrownBy(() -> aws.bean(TotpEnrollmentService.class).start("enc-down", "enc-down"))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(store().load("enc-down").pendingTotp()).isNull();
  }

  @Test
  void confirm_dynamoDbWriteFailureLeavesTotpInactive() {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("confirm-down", "confirm-down").secret());
    aws.faults.fail("PutItem");

    assertThatThrownBy(
            () -> enrollment.confirm("confirm-down", new Totp().codeAt(secret, Instant.now())))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThat(store().load("confirm-down").enabled()).isFalse();
    assertThat(store().load("confirm-down").pendingTotp()).isNotNull();
  }

  /** Enrolls TOTP; returns the first backup codes. */
  private List<String> enrollWithBackupCodes(String userId) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(userId, userId).secret());
    return enrollment.confirm(userId, new Totp().codeAt(secret, Instant.now())).newBackupCodes();
  }

  @Test
  void reveal_aKmsFailureSpendsNoBackupCode() {
    List<String> codes = enrollWithBackupCodes("reveal-kms-down");
    kmsDownWithTheBranchKeyClosed();

    assertThatThrownBy(
            () ->
                aws.bean(BackupCodeService.class)
                    .reveal("reveal-kms-down", new Proof(Method.BACKUP_CODE, codes.get(0))))
        .isInstanceOf(DependencyUnavailableException.class);

    aws.faults.clear();
    assertThat(store().load("reveal-kms-down").backupCodes().remaining()).isEqualTo(codes.size());
    assertThat(
            aws.bean(BackupCodeService.class)
                .reveal("reveal-kms-down", new Proof(Method.BACKUP_CODE, codes.get(0)))
                .remaining())
        .isEqualTo(codes.size() - 1);
  }

  @Test
  void regenerate_aKmsFailureSpendsNoBackupCodeAndKeepsTheOldSet() {
    List<String> codes = enrollWithBackupCodes("regen-kms-down");
    kmsDownWithTheBranchKeyClosed();

    assertThatThrownBy(
            () ->
                aws.bean(BackupCodeService.class)
                    .regenerate("regen-kms-down", new Proof(Method.BACKUP_CODE, codes.get(0))))
        .isInstanceOf(DependencyUnavailableException.class);

    aws.faults.clear();
    assertThat(store().load("regen-kms-down").backupCodes().remaining()).isEqualTo(codes.size());
  }
}
