package com.twofactor.core.service;

import com.twofactor.core.backup.BackupCodeHasher;
import com.twofactor.core.backup.PepperedCodeHashes;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

/**
 * Makes a new set of backup codes: the codes to show once, and the set to store. *
 *
 * <p>Thread-safe: it keeps no state between calls (the {@code SecureRandom} it draws from is
 * thread-safe).
 */
final class BackupCodeIssuer {
  private final SecretCipher cipher;
  private final SecureRandom random;
  private final BackupCodePolicy policy;
  private final PepperedCodeHashes codes;

  BackupCodeIssuer(SecretCipher cipher, SecureRandom random, BackupCodePolicy policy) {
    this.cipher = cipher;
    this.random = random;
    this.policy = policy;
    this.codes = new PepperedCodeHashes(new BackupCodeHasher(policy.iterations()), cipher);
  }

  /** New codes, shown once, and what is stored of them. */
  record NewSet(List<String> codes, BackupCodeSet set) {
    @Override
    public String toString() {
      return "NewSet[" + set + "]";
    }
  }

  /** Draws the codes and seals the reveal copy: one KMS Encrypt. */
  NewSet issue(String userId, Instant now) {
    List<String> display = BackupCodeHasher.generate(random, policy.count());
    String salt = codes.newSalt(random);
    List<String> hashes =
        display.stream().map(code -> codes.hash(salt, BackupCodeHasher.canonical(code))).toList();
    Ciphertext sealed =
        cipher.encrypt(
            String.join("\n", display).getBytes(StandardCharsets.UTF_8),
            EncryptionContext.of(userId, Purpose.BACKUP_CODES));
    return new NewSet(
        display,
        new BackupCodeSet(
            salt, hashes, Collections.nCopies(display.size(), Boolean.FALSE), sealed, now));
  }

  /** The codes of a set, in order, from its reveal copy: one KMS Decrypt. */
  List<String> open(String userId, BackupCodeSet set) {
    return List.of(
        new String(
                cipher.decrypt(set.sealed(), EncryptionContext.of(userId, Purpose.BACKUP_CODES)),
                StandardCharsets.UTF_8)
            .split("\n"));
  }
}
