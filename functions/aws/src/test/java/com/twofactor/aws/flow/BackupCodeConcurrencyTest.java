package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.Race;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.Confirmation;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Backup codes under concurrency on the real DynamoDB wire protocol: one code raced by many
 * requests is used once; many different codes of one user raced together are all used, none lost.
 * The set has 64 codes here so that 64 distinct codes can race.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("dynalite")
class BackupCodeConcurrencyTest {
  private static final int REQUESTS = 64;
  private AwsTestContext aws;

  @BeforeAll
  void start() {
    aws = new AwsTestContext(Map.of("two-factor.backup-codes.count", REQUESTS));
  }

  @AfterAll
  void stop() {
    aws.close();
  }

  private List<String> enroll(String userId) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(userId, userId).secret());
    Confirmation confirmation = enrollment.confirm(userId, TotpCodes.at(secret, Instant.now()));
    return confirmation.newBackupCodes();
  }

  /** Runs {@code REQUESTS} consumes at once; request i uses {@code code.apply(i)}. */
  private List<ErrorCode> race(String userId, IntFunction<String> code) throws Exception {
    VerificationService verification = aws.bean(VerificationService.class);
    return Race.outcomes(
        REQUESTS, i -> verification.verify(userId, userId, Method.BACKUP_CODE, code.apply(i)));
  }

  @Test
  void consume_64ConcurrentUsesOfOneCodeYieldExactlyOneSuccess() throws Exception {
    List<String> codes = enroll("backup-racer");

    List<ErrorCode> outcomes = race("backup-racer", i -> codes.get(0));

    assertThat(outcomes).filteredOn(o -> o == null).hasSize(1);
    assertThat(outcomes)
        .filteredOn(o -> o != null)
        .allMatch(o -> o == ErrorCode.INVALID_CODE || o == ErrorCode.TOO_MANY_ATTEMPTS);
    assertThat(aws.bean(TwoFactorStore.class).load("backup-racer").backupCodes().remaining())
        .isEqualTo(REQUESTS - 1);
  }

  @Test
  void consume_64ConcurrentUsesOf64DifferentCodesAllSucceed() throws Exception {
    List<String> codes = enroll("backup-crowd");

    List<ErrorCode> outcomes = race("backup-crowd", codes::get);

    assertThat(outcomes).containsOnlyNulls();
    assertThat(aws.bean(TwoFactorStore.class).load("backup-crowd").backupCodes().remaining())
        .isZero();
  }
}
