package com.twofactor.testkit;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.SecretCipher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM with the encryption context as additional authenticated data: the local stand-in for
 * KMS. Like KMS, a ciphertext opens only under the exact context it was sealed with. The key lives
 * in memory for the life of the process. Thread-safe: a {@code Cipher} per call.
 */
public final class LocalAesGcmSecretCipher implements SecretCipher {
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;
  private final SecureRandom random;

  public LocalAesGcmSecretCipher(SecureRandom random) {
    byte[] raw = new byte[32];
    random.nextBytes(raw);
    this.key = new SecretKeySpec(raw, "AES");
    this.random = random;
  }

  @Override
  public Ciphertext encrypt(byte[] plaintext, EncryptionContext context) {
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(context));
      byte[] sealed = cipher.doFinal(plaintext);
      return Ciphertext.of(
          ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available", e);
    }
  }

  @Override
  public byte[] decrypt(Ciphertext ciphertext, EncryptionContext context) {
    byte[] bytes = ciphertext.bytes();
    if (bytes.length <= IV_BYTES) {
      throw new SecretIntegrityException(null);
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
      cipher.updateAAD(aad(context));
      return cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new SecretIntegrityException(e);
    }
  }

  private static byte[] aad(EncryptionContext context) {
    return ("userId=" + context.userId() + "\npurpose=" + context.purpose().wireName())
        .getBytes(StandardCharsets.UTF_8);
  }
}
