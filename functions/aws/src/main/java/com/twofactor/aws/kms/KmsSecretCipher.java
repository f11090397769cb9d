package com.twofactor.aws.kms;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.SecretCipher;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * {@link SecretCipher} on KMS Encrypt/Decrypt with the symmetric key of {@code
 * two-factor.aws.kms-key-id}. The encryption context ({@code userId}, {@code purpose}) is
 * authenticated by KMS and recorded in CloudTrail: a ciphertext opens only for the user and purpose
 * it was made for. Decrypt names the key too, so a ciphertext of another key is refused.
 */
// Only where the function declares the KMS client (aws declares it optional).
@Requires(classes = KmsClient.class)
@Singleton
public final class KmsSecretCipher implements SecretCipher {
  private final KmsClient kms;
  private final String keyId;

  public KmsSecretCipher(KmsClient kms, AwsConfiguration config) {
    this.kms = kms;
    this.keyId = config.getKmsKeyId();
  }

  @Override
  public Ciphertext encrypt(byte[] plaintext, EncryptionContext context) {
    try {
      return Ciphertext.of(
          kms.encrypt(
                  r ->
                      r.keyId(keyId)
                          .plaintext(SdkBytes.fromByteArray(plaintext))
                          .encryptionContext(context.asMap()))
              .ciphertextBlob()
              .asByteArray());
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Encrypt", e);
    }
  }

  @Override
  public byte[] decrypt(Ciphertext ciphertext, EncryptionContext context) {
    try {
      return kms.decrypt(
              r ->
                  r.keyId(keyId)
                      .ciphertextBlob(SdkBytes.fromByteArray(ciphertext.bytes()))
                      .encryptionContext(context.asMap()))
          .plaintext()
          .asByteArray();
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw new SecretIntegrityException(e);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Decrypt", e);
    }
  }
}
