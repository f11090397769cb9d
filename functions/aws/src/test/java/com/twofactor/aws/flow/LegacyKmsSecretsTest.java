package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.aws.kms.KmsSecretCipher;
import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.backup.BackupCodeHasher;
import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.BackupCodePolicy;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Records written before the branch key: secrets sealed directly with KMS still open (one Decrypt
 * each) and move to the branch-key form on their record's next write; unpeppered backup-code sets
 * still check, and new sets are peppered.
 */
@Tag("dynalite")
class LegacyKmsSecretsTest extends OnEmulatedAws {
  private static final Totp TOTP = new Totp();
  private final SecureRandom random = new SecureRandom();
  private KmsSecretCipher legacy;
  private TwoFactorStore store;

  @BeforeEach
  void warm() {
    legacy = new KmsSecretCipher(() -> aws.bean(KmsClient.class), aws.bean(AwsConfiguration.class));
    store = aws.bean(TwoFactorStore.class);
    aws.bean(BranchKeys.class).current();
  }

  @Test
  void legacyTotpSecret_stillVerifies_andTheVerifysWriteReSealsIt() {
    byte[] secret = new byte[Totp.SECRET_BYTES];
    random.nextBytes(secret);
    store.save(
        UserTwoFactor.empty("legacy-totp").toBuilder()
            .totp(
                new ActiveTotp(
                    legacy.encrypt(
                        secret, EncryptionContext.of("legacy-totp", Purpose.TOTP_SECRET)),
                    Instant.now(),
                    0))
            .build());
    VerificationService verification = aws.bean(VerificationService.class);
    aws.calls.reset();

    verification.verify(
        "legacy-totp",
        "legacy-totp",
        Method.TOTP,
        TOTP.codeAt(secret, Instant.now().minusSeconds(30)));

    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Decrypt", "DynamoDb.PutItem");
    assertThat(BranchKeySecretCipher.isLegacy(store.load("legacy-totp").totp().secret())).isFalse();

    aws.calls.reset();
    verification.verify(
        "legacy-totp",
        "legacy-totp",
        Method.TOTP,
        TOTP.codeAt(secret, Instant.now().plusSeconds(30)));
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void legacyPhoneNumber_stillReceivesItsCode_andTheSendsWriteReSealsIt() {
    String phone = "+12015550177";
    store.save(
        UserTwoFactor.empty("legacy-sms").toBuilder()
            .sms(
                new ActiveSms(
                    legacy.encrypt(
                        phone.getBytes(StandardCharsets.UTF_8),
                        EncryptionContext.of("legacy-sms", Purpose.PHONE_NUMBER)),
                    "+1 *******77",
                    Instant.now()))
            .build());

    aws.bean(SmsSignInService.class).sendSignInCode("legacy-sms", "legacy-sms");

    assertThat(aws.sns.lastCodeTo(phone)).hasSize(6);
    ActiveSms stored = store.load("legacy-sms").sms();
    assertThat(BranchKeySecretCipher.isLegacy(stored.phone())).isFalse();
    assertThat(stored.phoneHint()).isEqualTo("+1 *******77");
  }

  @Test
  void unpepperedBackupCodeSet_stillChecks_andEachCodeWorksOnce() {
    BackupCodeHasher pbkdf2 = new BackupCodeHasher(BackupCodePolicy.DEFAULT.iterations());
    String salt = BackupCodeHasher.newSalt(random);
    List<String> codes = BackupCodeHasher.generate(random, 3);
    List<String> hashes =
        codes.stream().map(c -> pbkdf2.hash(salt, BackupCodeHasher.canonical(c))).toList();
    store.save(
        UserTwoFactor.empty("legacy-backup").toBuilder()
            .backupCodes(
                new BackupCodeSet(
                    salt,
                    hashes,
                    Collections.nCopies(3, false),
                    legacy.encrypt(
                        String.join("\n", codes).getBytes(StandardCharsets.UTF_8),
                        EncryptionContext.of("legacy-backup", Purpose.BACKUP_CODES)),
                    Instant.now()))
            .build());
    VerificationService verification = aws.bean(VerificationService.class);

    assertThat(
            verification
                .verify("legacy-backup", "legacy-backup", Method.BACKUP_CODE, codes.get(1))
                .backupCodesRemaining())
        .hasValue(2);
    assertThat(store.load("legacy-backup").backupCodes().used())
        .containsExactly(false, true, false);
  }

  @Test
  void newBackupCodeSet_isPeppered_soTheTableAloneCannotCheckAGuess() {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("peppered", "peppered").secret());
    List<String> codes =
        enrollment.confirm("peppered", TOTP.codeAt(secret, Instant.now())).newBackupCodes();

    BackupCodeSet stored = store.load("peppered").backupCodes();
    assertThat(stored.salt()).startsWith("p1.");
    // What an attacker holding only the table could compute for the right code:
    String rawSalt = stored.salt().substring(3);
    String tableOnlyHash =
        new BackupCodeHasher(BackupCodePolicy.DEFAULT.iterations())
            .hash(rawSalt, BackupCodeHasher.canonical(codes.get(0)));
    assertThat(stored.hashes()).doesNotContain(tableOnlyHash);

    assertThat(
            aws.bean(VerificationService.class)
                .verify("peppered", "peppered", Method.BACKUP_CODE, codes.get(0))
                .backupCodesRemaining())
        .hasValue(codes.size() - 1);
  }
}
