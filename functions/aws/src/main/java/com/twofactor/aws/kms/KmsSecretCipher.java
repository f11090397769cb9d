package com.twofactor.aws.kms;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.SecretCipher;
import java.util.function.Supplier;
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
 *
 * <p>The scheme of earlier versions, one KMS call per secret: kept to open what they sealed (see
 * {@code BranchKeyFactory}), no longer used to seal. The client is asked for at the first call, so
 * a request that opens no such secret builds none. Thread-safe (the client and its supplier are).
 */
public final class KmsSecretCipher implements SecretCipher {
  private final Supplier<KmsClient> kms;
  private final String keyId;

  public KmsSecretCipher(Supplier<KmsClient> kms, AwsConfiguration config) {
    this.kms = kms;
    this.keyId = config.getKmsKeyId();
  }

  @Override
  public Ciphertext encrypt(byte[] plaintext, EncryptionContext context) {
    try {
      return Ciphertext.of(
          kms.get()
              .encrypt(
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
      return kms.get()
          .decrypt(
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
