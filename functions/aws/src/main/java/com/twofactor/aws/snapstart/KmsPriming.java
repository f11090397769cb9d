package com.twofactor.aws.snapstart;

import com.twofactor.aws.config.AwsConfiguration;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Warms the KMS client the branch key is opened with (see {@link PrimingRun} for when): one
 * branch-key {@code Decrypt} of a one-byte placeholder, so the client, its endpoint rules and its
 * marshalling are ready when the first request of an instance opens the key. The call is signed
 * with placeholder keys and answered without being sent ({@link PrimingHttpClient}), so no key is
 * opened. Thread-safe (stateless after construction).
 *
 * <p>Off where {@code two-factor.snapstart.prime-kms=false}: template.yaml sets it for the
 * functions whose role is denied KMS (they never open the branch key, and building a client they
 * never call only slows their start).
 */
@Singleton
@Requires(classes = KmsClient.class)
@Requires(property = "two-factor.snapstart.prime-kms", notEquals = "false")
public final class KmsPriming implements Primer {
  private static final Logger LOG = LoggerFactory.getLogger(KmsPriming.class);

  private final KmsClient kms;
  private final AwsConfiguration config;

  public KmsPriming(KmsClient kms, AwsConfiguration config) {
    this.kms = kms;
    this.config = config;
  }

  @Override
  public void prime() {
    try {
      kms.decrypt(
          r ->
              r.keyId(config.getKmsKeyId())
                  .ciphertextBlob(SdkBytes.fromByteArray(new byte[1]))
                  .encryptionContext(Map.of("purpose", "priming")));
    } catch (RuntimeException e) {
      LOG.warn("priming of the KMS path failed: {}", e.toString());
    }
  }
}
