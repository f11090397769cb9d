package com.twofactor.core.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.testkit.LocalAesGcmSecretCipher;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class PepperedCodeHashesTest {
  private static final String CODE = "abcd2345";

  private final SecureRandom random = new SecureRandom();
  private final BackupCodeHasher pbkdf2 = new BackupCodeHasher(1_000);
  private final BranchKeys.BranchKey branchKey =
      new BranchKeys.BranchKey(3, new SecretKeySpec(new byte[32], "AES"));
  private final BranchKeys keys =
      new BranchKeys() {
        @Override
        public BranchKey current() {
          return branchKey;
        }

        @Override
        public BranchKey version(int version) {
          return branchKey;
        }
      };
  private final PepperedCodeHashes peppered =
      new PepperedCodeHashes(pbkdf2, new BranchKeySecretCipher(keys, random, null));

  @Test
  void newSalt_namesThePeppersBranchKeyVersion() {
    assertThat(peppered.newSalt(random)).startsWith("p3.");
  }

  @Test
  void pepperedHash_cannotBeCheckedWithTheSaltAlone() {
    String salt = peppered.newSalt(random);
    String stored = peppered.hash(salt, CODE);

    String rawSalt = salt.substring(salt.indexOf('.') + 1);
    assertThat(stored).isNotEqualTo(pbkdf2.hash(rawSalt, CODE));
    assertThat(BackupCodeHasher.find(peppered.derive(salt, CODE), List.of(stored), List.of(false)))
        .isZero();
  }

  @Test
  void unpepperedSetOfEarlierCode_stillChecks() {
    String legacySalt = BackupCodeHasher.newSalt(random);
    String stored = pbkdf2.hash(legacySalt, CODE);

    assertThat(
            BackupCodeHasher.find(
                peppered.derive(legacySalt, CODE), List.of(stored), List.of(false)))
        .isZero();
    assertThat(
            BackupCodeHasher.find(
                peppered.derive(legacySalt, "zzzz2345"), List.of(stored), List.of(false)))
        .isEqualTo(-1);
  }

  @Test
  void aCipherWithoutPepper_makesPlainSalts() {
    PepperedCodeHashes plain = new PepperedCodeHashes(pbkdf2, new LocalAesGcmSecretCipher(random));

    String salt = plain.newSalt(random);

    assertThat(Base64.getDecoder().decode(salt)).hasSize(16);
    assertThat(plain.hash(salt, CODE)).isEqualTo(pbkdf2.hash(salt, CODE));
  }
}
