package com.twofactor.aws.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.service.StatusService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The KMS client is built at the first KMS call, not with the beans that may make one: the
 * functions whose role is denied KMS (organizations, Define and Create) build the cipher and the
 * key holders with their services but never a KMS client they would never call.
 */
@Tag("dynalite")
class KmsClientOnFirstUseTest {

  @Test
  void theCipherAndTheKeyHolders_buildNoKmsClient_untilAKeyIsOpened() {
    try (AwsTestContext aws = new AwsTestContext()) {
      SecretCipher cipher = aws.bean(SecretCipher.class);
      aws.bean(PhoneNumberDigest.class);
      aws.bean(StatusService.class).ownState("someone");
      assertThat(aws.built(KmsClient.class)).isFalse();

      cipher.encrypt(
          new byte[20], EncryptionContext.of("someone", EncryptionContext.Purpose.TOTP_SECRET));

      assertThat(aws.built(KmsClient.class)).isTrue();
      assertThat(aws.calls.calls()).contains("Kms.Encrypt");
    }
  }
}
