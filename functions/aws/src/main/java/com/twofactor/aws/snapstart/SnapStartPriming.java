package com.twofactor.aws.snapstart;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.totp.QrCodeSvg;
import com.twofactor.core.totp.Totp;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Warms the adapters' request path (see {@link PrimingRun} for when): one state read of a user that
 * does not exist, with no org read since not every function may query the user index (DynamoDB
 * client, endpoint rules, marshalling, signing); where the function has the KMS client, one
 * branch-key {@code Decrypt} of a one-byte placeholder (KMS client and its marshalling; the first
 * request of an instance opens the branch key); an HMAC over an all-zero key and a QR code of fixed
 * text (the API functions also prime their JSON: apigateway's ApiJsonPriming). It draws no random
 * number, opens no key and creates no secret, so nothing secret can be shared by instances restored
 * from a snapshot; both calls are signed with placeholder keys and never sent. Thread-safe
 * (stateless after construction).
 *
 * <p>Off where {@code two-factor.snapstart.prime-user-state=false}: the security-events function
 * may not read user state.
 */
@Singleton
@Requires(property = "two-factor.snapstart.prime-user-state", notEquals = "false")
public final class SnapStartPriming implements Primer {
  static final String PRIMING_USER = "snapstart-priming";
  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final StatusService status;
  private final BeanProvider<KmsClient> kms;
  private final AwsConfiguration config;

  public SnapStartPriming(
      StatusService status, BeanProvider<KmsClient> kms, AwsConfiguration config) {
    this.status = status;
    this.kms = kms;
    this.config = config;
  }

  @Override
  public void prime() {
    try {
      status.ownState(PRIMING_USER);
    } catch (RuntimeException e) {
      if (!PrimingInterceptor.stoppedBeforeSending(e)) {
        LOG.warn("priming of the status path failed: {}", e.toString());
      }
    }
    kms.ifPresent(this::primeDecrypt);
    new Totp().codeAt(new byte[Totp.SECRET_BYTES], Instant.EPOCH);
    QrCodeSvg.dataUri("otpauth://totp/priming");
  }

  private void primeDecrypt(KmsClient client) {
    try {
      client.decrypt(
          r ->
              r.keyId(config.getKmsKeyId())
                  .ciphertextBlob(SdkBytes.fromByteArray(new byte[1]))
                  .encryptionContext(Map.of("purpose", "priming")));
    } catch (RuntimeException e) {
      if (!PrimingInterceptor.stoppedBeforeSending(e)) {
        LOG.warn("priming of the KMS path failed: {}", e.toString());
      }
    }
  }
}
