package com.twofactor.core.service;

import com.twofactor.core.testing.InMemoryTwoFactorStore;
import com.twofactor.core.testing.LocalAesGcmSecretCipher;
import com.twofactor.core.testing.MutableClock;
import com.twofactor.core.testing.RecordingAuditLog;
import com.twofactor.core.testing.TotpCodes;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

/** The domain services on in-memory ports, with a clock the test moves. */
final class Fixture {
  static final Instant START = Instant.parse("2026-11-27T10:00:05Z");

  final InMemoryTwoFactorStore store = new InMemoryTwoFactorStore();
  final LocalAesGcmSecretCipher cipher = new LocalAesGcmSecretCipher(new SecureRandom());
  final MutableClock clock = new MutableClock(START);
  final RecordingAuditLog audit = new RecordingAuditLog();
  final TotpEnrollmentService enrollment =
      new TotpEnrollmentService(
          store, cipher, audit, clock, new SecureRandom(), LockoutPolicy.DEFAULT, "Acme");
  final VerificationService verification =
      new VerificationService(store, cipher, audit, clock, LockoutPolicy.DEFAULT);
  final StatusService status = new StatusService(store, clock);
  private final Totp totp = new Totp();

  /** Sets up and confirms TOTP for {@code userId}; returns the raw secret. */
  byte[] enrollTotp(String userId) {
    TotpSetup setup = enrollment.start(userId, userId + "@example.com");
    byte[] secret = Base32.decode(setup.secret());
    enrollment.confirm(userId, codeNow(secret));
    nextStep();
    return secret;
  }

  String codeNow(byte[] secret) {
    return totp.codeAt(secret, clock.instant());
  }

  String wrongCode(byte[] secret) {
    return TotpCodes.wrongAt(secret, clock.instant());
  }

  void nextStep() {
    clock.advance(Duration.ofSeconds(30));
  }
}
