package com.twofactor.securityevents;

import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.SmsSender;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/**
 * This function neither decrypts nor texts: its jar has no KMS or SNS client (the adapters module
 * declares them optional), so those adapters stay off, and its role grants neither. The shared
 * wiring still declares (and on Lambda eagerly creates) the API's services, so these stand-ins
 * satisfy it and refuse every use (the phone-number digest of the per-number SMS limits too: its
 * key is KMS-sealed, and this function texts nobody). {@code @Secondary}: wherever a real adapter
 * is present (the tests), it wins. Thread-safe (stateless).
 */
@Factory
class AbsentPorts {

  @Singleton
  @Secondary
  SecretCipher noCipher() {
    return new SecretCipher() {
      @Override
      public Ciphertext encrypt(byte[] plaintext, EncryptionContext context) {
        throw refused();
      }

      @Override
      public byte[] decrypt(Ciphertext ciphertext, EncryptionContext context) {
        throw refused();
      }
    };
  }

  @Singleton
  @Secondary
  SmsSender noSms() {
    return (phoneNumber, message) -> {
      throw refused();
    };
  }

  @Singleton
  @Secondary
  PhoneNumberDigest noPhoneNumberDigest() {
    return e164 -> {
      throw refused();
    };
  }

  private static UnsupportedOperationException refused() {
    return new UnsupportedOperationException("the security-events function has no KMS or SNS");
  }
}
