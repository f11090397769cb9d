package com.twofactor.core.port;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.crypto.Pepper;
import com.twofactor.core.model.Ciphertext;
import java.security.GeneralSecurityException;
import java.util.Optional;

/**
 * Encrypts small secrets at rest (docs/security-rules.md rule 2). Every ciphertext is bound to an
 * {@link EncryptionContext} naming the user and the purpose: decrypting with any other context
 * fails, so a ciphertext copied into another user's record, or used for another purpose, is
 * refused.
 *
 * <p>Implementations are thread-safe. A context mismatch or tampering surfaces as {@code
 * SecretIntegrityException}; an unreachable key service as {@code DependencyUnavailableException}.
 */
public interface SecretCipher {

  Ciphertext encrypt(byte[] plaintext, EncryptionContext context);

  byte[] decrypt(Ciphertext ciphertext, EncryptionContext context);

  /**
   * {@code ciphertext} in this cipher's current form: itself when it already is, else {@code
   * plaintext} (what it opened to) sealed anew, so a record moves off an earlier scheme on its next
   * write.
   */
  default Ciphertext resealed(Ciphertext ciphertext, byte[] plaintext, EncryptionContext context) {
    return ciphertext;
  }

  /**
   * The pepper new backup-code hashes take, or empty when this cipher keeps none (hashes are then
   * unpeppered). The keeper of the keys of secrets at rest also keys the hashes at rest.
   */
  default Optional<Pepper> currentPepper() {
    return Optional.empty();
  }

  /**
   * The pepper of a given version, for checking hashes made under it.
   *
   * @throws SecretIntegrityException when this cipher has no such pepper
   */
  default Pepper pepper(int version) {
    throw new SecretIntegrityException(new GeneralSecurityException("no pepper " + version));
  }
}
