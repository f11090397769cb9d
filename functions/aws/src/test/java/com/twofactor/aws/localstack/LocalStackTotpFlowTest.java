package com.twofactor.aws.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.DockerAvailable;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.containers.localstack.LocalStackContainer.Service;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The whole TOTP flow on LocalStack's DynamoDB and KMS (a real KMS key with rotation semantics and
 * encryption-context checks), through the same Lambda wiring. Needs Docker; skipped, loudly,
 * without it.
 */
@DockerAvailable
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("docker")
class LocalStackTotpFlowTest {
  private static final Totp TOTP = new Totp();

  private LocalStackContainer localstack;
  private AwsTestContext aws;

  @BeforeAll
  void start() {
    localstack =
        new LocalStackContainer(DockerImageName.parse("localstack/localstack:3.8"))
            .withServices(Service.DYNAMODB, Service.KMS);
    localstack.start();
    String keyId;
    try (KmsClient kms =
        KmsClient.builder()
            .endpointOverride(localstack.getEndpointOverride(Service.KMS))
            .region(Region.of(localstack.getRegion()))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(
                        localstack.getAccessKey(), localstack.getSecretKey())))
            .build()) {
      keyId = kms.createKey(r -> r.description("two-factor test key")).keyMetadata().keyId();
    }
    aws =
        new AwsTestContext(
            localstack.getEndpointOverride(Service.DYNAMODB),
            localstack.getEndpointOverride(Service.KMS),
            keyId);
  }

  @AfterAll
  void stop() {
    if (aws != null) {
      aws.close();
    }
    if (localstack != null) {
      localstack.stop();
    }
  }

  @Test
  void totpFlow_enrollConfirmVerifyAndRefuseReplay() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    var verification = aws.bean(VerificationService.class);
    byte[] secret = Base32.decode(enrollment.start("ls-alice", "alice@example.com").secret());

    enrollment.confirm("ls-alice", TOTP.codeAt(secret, Instant.now()));
    String next = TOTP.codeAt(secret, Instant.now().plusSeconds(30));

    assertThat(verification.verify("ls-alice", "ls-alice", Method.TOTP, next).method())
        .isEqualTo(Method.TOTP);
    assertThatThrownBy(() -> verification.verify("ls-alice", "ls-alice", Method.TOTP, next))
        .extracting(e -> ((TwoFactorException) e).code())
        .isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(aws.bean(StatusService.class).status("ls-alice").enabled()).isTrue();
  }

  @Test
  void kms_refusesACiphertextMovedToAnotherUser() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("ls-bob", "bob").secret());
    enrollment.confirm("ls-bob", TOTP.codeAt(secret, Instant.now()));
    var sealed = aws.bean(TwoFactorStore.class).load("ls-bob").totp().secret();

    assertThatThrownBy(
            () ->
                aws.bean(SecretCipher.class)
                    .decrypt(sealed, EncryptionContext.of("ls-mallory", Purpose.TOTP_SECRET)))
        .isInstanceOf(SecretIntegrityException.class);
  }
}
