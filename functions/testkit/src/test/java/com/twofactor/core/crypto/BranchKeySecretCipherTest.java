package com.twofactor.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.testkit.InMemoryBranchKeys;
import com.twofactor.testkit.LocalAesGcmSecretCipher;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class BranchKeySecretCipherTest {
  private static final byte[] SECRET = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
  private static final EncryptionContext ALICE_TOTP =
      EncryptionContext.of("alice", Purpose.TOTP_SECRET);

  private final SecureRandom random = new SecureRandom();
  private final InMemoryBranchKeys keys = new InMemoryBranchKeys(random, Clock.systemUTC());
  private final LocalAesGcmSecretCipher legacy = new LocalAesGcmSecretCipher(random);
  private final BranchKeySecretCipher cipher = new BranchKeySecretCipher(keys, random, legacy);

  private void rotate() {
    assertThat(keys.rotate(keys.current().version())).isPresent();
  }

  @Test
  void roundTripsAndNamesTheBranchKeyVersionInAHeader() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThat(cipher.decrypt(sealed, ALICE_TOTP)).isEqualTo(SECRET);
    ByteBuffer bytes = ByteBuffer.wrap(sealed.bytes());
    assertThat(new byte[] {bytes.get(), bytes.get(), bytes.get(), bytes.get()})
        .isEqualTo(new byte[] {'2', 'F', 'B', 'K'});
    assertThat(bytes.get()).isEqualTo((byte) 1);
    assertThat(bytes.getInt()).isEqualTo(1);
    assertThat(BranchKeySecretCipher.isLegacy(sealed)).isFalse();
  }

  @Test
  void sealsEachTimeWithAFreshNonce() {
    assertThat(cipher.encrypt(SECRET, ALICE_TOTP)).isNotEqualTo(cipher.encrypt(SECRET, ALICE_TOTP));
  }

  @Test
  void refusesACiphertextCopiedToAnotherUser() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThatThrownBy(
            () -> cipher.decrypt(sealed, EncryptionContext.of("mallory", Purpose.TOTP_SECRET)))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void refusesACiphertextUsedForAnotherPurpose() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThatThrownBy(
            () -> cipher.decrypt(sealed, EncryptionContext.of("alice", Purpose.PHONE_NUMBER)))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void refusesACiphertextWhoseVersionWasChangedToAnother() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);
    rotate();
    byte[] bytes = sealed.bytes();
    ByteBuffer.wrap(bytes).putInt(5, 2);

    assertThatThrownBy(() -> cipher.decrypt(Ciphertext.of(bytes), ALICE_TOTP))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void refusesAVersionThatDoesNotExist() {
    byte[] bytes = cipher.encrypt(SECRET, ALICE_TOTP).bytes();
    ByteBuffer.wrap(bytes).putInt(5, 9);

    assertThatThrownBy(() -> cipher.decrypt(Ciphertext.of(bytes), ALICE_TOTP))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void refusesTamperedBytes() {
    byte[] bytes = cipher.encrypt(SECRET, ALICE_TOTP).bytes();
    bytes[bytes.length - 1] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(Ciphertext.of(bytes), ALICE_TOTP))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void afterRotation_sealsUnderTheNewVersionAndStillOpensTheOld() {
    Ciphertext old = cipher.encrypt(SECRET, ALICE_TOTP);
    rotate();

    Ciphertext fresh = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThat(ByteBuffer.wrap(fresh.bytes()).getInt(5)).isEqualTo(2);
    assertThat(cipher.decrypt(old, ALICE_TOTP)).isEqualTo(SECRET);
    assertThat(cipher.decrypt(fresh, ALICE_TOTP)).isEqualTo(SECRET);
  }

  @Test
  void legacyCiphertext_opensThroughTheEarlierSchemeAndIsResealedInTheNewForm() {
    Ciphertext old = legacy.encrypt(SECRET, ALICE_TOTP);
    assertThat(BranchKeySecretCipher.isLegacy(old)).isTrue();

    byte[] opened = cipher.decrypt(old, ALICE_TOTP);
    Ciphertext resealed = cipher.resealed(old, opened, ALICE_TOTP);

    assertThat(opened).isEqualTo(SECRET);
    assertThat(BranchKeySecretCipher.isLegacy(resealed)).isFalse();
    assertThat(cipher.decrypt(resealed, ALICE_TOTP)).isEqualTo(SECRET);
  }

  @Test
  void currentCiphertext_isKeptAsItIsOnWrite() {
    Ciphertext sealed = cipher.encrypt(SECRET, ALICE_TOTP);

    assertThat(cipher.resealed(sealed, SECRET, ALICE_TOTP)).isSameAs(sealed);
  }

  @Test
  void withoutALegacyScheme_refusesBytesOfAnUnknownFormat() {
    BranchKeySecretCipher strict = new BranchKeySecretCipher(keys, random, null);
    Ciphertext old = legacy.encrypt(SECRET, ALICE_TOTP);

    assertThatThrownBy(() -> strict.decrypt(old, ALICE_TOTP))
        .isInstanceOf(SecretIntegrityException.class);
  }

  @Test
  void pepper_isPerVersionAndNeverTheBranchKeyItself() {
    Pepper first = cipher.currentPepper().orElseThrow();
    rotate();
    Pepper second = cipher.currentPepper().orElseThrow();

    assertThat(first.version()).isEqualTo(1);
    assertThat(second.version()).isEqualTo(2);
    assertThat(cipher.pepper(1).key().getEncoded()).isEqualTo(first.key().getEncoded());
    assertThat(first.key().getEncoded())
        .isNotEqualTo(second.key().getEncoded())
        .isNotEqualTo(keys.version(1).key().getEncoded());
  }
}
