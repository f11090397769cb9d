package com.twofactor.core.port;

import com.twofactor.core.model.Ciphertext;

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
}
