package com.twofactor.core.crypto;

import com.twofactor.core.SecretIntegrityException;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.BranchKeys.BranchKey;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.SecretCipher;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals per-user secrets with AES-256-GCM under a key derived for the user and the purpose from a
 * branch key, so the login path needs no KMS call once the branch key is open (the branch key
 * itself is KMS-sealed, see {@link BranchKeys}).
 *
 * <p>The key of a ciphertext is HKDF-SHA256(branch key, info = length-prefixed {@code ("two-factor
 * secret", purpose, userId)}); the same info, behind the header, is GCM's associated data. A
 * ciphertext moved to another user or purpose, or whose version was changed, therefore does not
 * open. Stored bytes: {@code "2FBK"}, format {@code 0x01}, the branch-key version (4 bytes,
 * big-endian), a random 12-byte nonce, then the GCM output with its 16-byte tag.
 *
 * <p>Bytes without that header are ciphertexts of the earlier scheme (one KMS call per secret);
 * they are opened by {@code legacy} and {@link #resealed} moves them to this form on the next write
 * of the record that holds them.
 *
 * <p>Thread-safe: a {@code Cipher} per call; the branch keys are thread-safe.
 */
public final class BranchKeySecretCipher implements SecretCipher {
  private static final byte[] MAGIC = {'2', 'F', 'B', 'K'};
  private static final byte FORMAT = 1;
  private static final int HEADER_BYTES = MAGIC.length + 1 + Integer.BYTES;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int KEY_BYTES = 32;
  private static final String SECRET_LABEL = "two-factor secret";
  private static final String PEPPER_LABEL = "two-factor backup-code pepper";

  private final BranchKeys branchKeys;
  private final SecureRandom random;
  private final SecretCipher legacy;

  /**
   * @param legacy opens ciphertexts of the earlier scheme (KMS per secret); null when there are
   *     none, and then such bytes are refused
   */
  public BranchKeySecretCipher(BranchKeys branchKeys, SecureRandom random, SecretCipher legacy) {
    this.branchKeys = branchKeys;
    this.random = random;
    this.legacy = legacy;
  }

  @Override
  public Ciphertext encrypt(byte[] plaintext, EncryptionContext context) {
    BranchKey branchKey = branchKeys.current();
    byte[] header =
        ByteBuffer.allocate(HEADER_BYTES)
            .put(MAGIC)
            .put(FORMAT)
            .putInt(branchKey.version())
            .array();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed = gcm(Cipher.ENCRYPT_MODE, branchKey, context, header, nonce, plaintext);
    return Ciphertext.of(
        ByteBuffer.allocate(header.length + nonce.length + sealed.length)
            .put(header)
            .put(nonce)
            .put(sealed)
            .array());
  }

  @Override
  public byte[] decrypt(Ciphertext ciphertext, EncryptionContext context) {
    byte[] bytes = ciphertext.bytes();
    if (!isBranchKeyForm(bytes)) {
      if (legacy == null) {
        throw new SecretIntegrityException(new GeneralSecurityException("unknown format"));
      }
      return legacy.decrypt(ciphertext, context);
    }
    if (bytes.length < HEADER_BYTES + NONCE_BYTES + TAG_BITS / 8 || bytes[MAGIC.length] != FORMAT) {
      throw new SecretIntegrityException(new GeneralSecurityException("malformed ciphertext"));
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    byte[] header = new byte[HEADER_BYTES];
    buffer.get(header);
    int version = ByteBuffer.wrap(header, MAGIC.length + 1, Integer.BYTES).getInt();
    if (version < 1) {
      throw new SecretIntegrityException(new GeneralSecurityException("no such version"));
    }
    byte[] nonce = new byte[NONCE_BYTES];
    buffer.get(nonce);
    byte[] sealed = new byte[buffer.remaining()];
    buffer.get(sealed);
    return gcm(Cipher.DECRYPT_MODE, branchKeys.version(version), context, header, nonce, sealed);
  }

  /** Whether {@code ciphertext} is of the earlier scheme and so should be written anew. */
  public static boolean isLegacy(Ciphertext ciphertext) {
    return !isBranchKeyForm(ciphertext.bytes());
  }

  @Override
  public Ciphertext resealed(Ciphertext ciphertext, byte[] plaintext, EncryptionContext context) {
    return isLegacy(ciphertext) ? encrypt(plaintext, context) : ciphertext;
  }

  @Override
  public Optional<Pepper> currentPepper() {
    return Optional.of(pepperOf(branchKeys.current()));
  }

  @Override
  public Pepper pepper(int version) {
    return pepperOf(branchKeys.version(version));
  }

  private static Pepper pepperOf(BranchKey branchKey) {
    byte[] material =
        Hkdf.derive(branchKey.key().getEncoded(), null, KeyInfo.of(PEPPER_LABEL), KEY_BYTES);
    try {
      return new Pepper(branchKey.version(), new SecretKeySpec(material, "HmacSHA256"));
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  private static boolean isBranchKeyForm(byte[] bytes) {
    return bytes.length >= MAGIC.length
        && Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  private static byte[] gcm(
      int mode,
      BranchKey branchKey,
      EncryptionContext context,
      byte[] header,
      byte[] nonce,
      byte[] input) {
    byte[] info = KeyInfo.of(SECRET_LABEL, context.purpose().wireName(), context.userId());
    byte[] keyBytes = Hkdf.derive(branchKey.key().getEncoded(), null, info, KEY_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(header);
      cipher.updateAAD(info);
      return cipher.doFinal(input);
    } catch (AEADBadTagException e) {
      throw new SecretIntegrityException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is always available", e);
    } finally {
      Arrays.fill(keyBytes, (byte) 0);
    }
  }
}
