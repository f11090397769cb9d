package com.twofactor.aws.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.aws.testing.FakeKms;
import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The legacy KMS scheme (still opens what it sealed) at the SDK boundary: real KmsClient, real wire
 * protocol, in-memory KMS.
 */
@Tag("dynalite")
class KmsSecretCipherTest extends OnEmulatedAws {
  private static final byte[] SECRET = {10, 20, 30, 40, 50};
  private static final EncryptionContext ALICE_TOTP =
      EncryptionContext.of("alice", Purpose.TOTP_SECRET);

  private SecretCipher cipher;

  @BeforeEach
  void clear() {
    cipher = new KmsSecretCipher(() -> aws.bean(KmsClient.class), aws.bean(AwsConfiguration.class));
    aws.kms.clearRequests();
    aws.faults.clear();
  }

  @Test
  void encrypt_sendsTheKeyThePlaintextAndTheUserAndPurposeAsContext() {
    cipher.encrypt(SECRET, ALICE_TOTP);

    FakeKms.Request request = aws.kms.requests().get(0);
    assertThat(request.operation()).isEqualTo("Encrypt");
    assertThat(request.body())
        .containsEntry("KeyId", "alias/two-factor-test")
        .containsEntry("Plaintext", Base64.getEncoder().encodeToString(SECRET))
        .containsEntry("EncryptionContext", Map.of("userId", "alice", "purpose", "totp-secret"));
  }

  @Test
  void decrypt_sendsTheCiphertextTheKeyAndTheContextAndRoundTrips() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);
    aws.kms.clearRequests();

    assertThat(cipher.decrypt(sealed, ALICE_TOTP)).isEqualTo(SECRET);
    FakeKms.Request request = aws.kms.requests().get(0);
    assertThat(request.operation()).isEqualTo("Decrypt");
    assertThat(request.body())
        .containsEntry("KeyId", "alias/two-factor-test")
        .containsEntry("CiphertextBlob", sealed.toBase64())
        .containsEntry("EncryptionContext", Map.of("userId", "alice", "purpose", "totp-secret"));
  }

  @Test
  void decrypt_refusesACiphertextMovedToAnotherUser() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThatThrownBy(
            () -> cipher.decrypt(sealed, EncryptionContext.of("mallory", Purpose.TOTP_SECRET)))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void decrypt_refusesACiphertextUsedForAnotherPurpose() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThatThrownBy(
            () -> cipher.decrypt(sealed, EncryptionContext.of("alice", Purpose.BACKUP_CODES)))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void decrypt_refusesTamperedCiphertext() {
    byte[] bytes = cipher.encrypt(SECRET, ALICE_TOTP).bytes();
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(Ciphertext.of(bytes), ALICE_TOTP))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void encryptAndDecrypt_failClosedWhenKmsIsUnreachable() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);
    aws.faults.fail("Encrypt");
    aws.faults.fail("Decrypt");

    assertThatThrownBy(() -> cipher.encrypt(SECRET, ALICE_TOTP))
        .isInstanceOf(DependencyUnavailableException.class);
    assertThatThrownBy(() -> cipher.decrypt(sealed, ALICE_TOTP))
        .isInstanceOf(DependencyUnavailableException.class);
  }
}
