package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.sms.HmacPhoneNumberDigest;
import com.twofactor.core.sms.PhoneNumbers;
import com.twofactor.core.sms.SmsMessages;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import com.twofactor.testkit.InMemoryNumberSendLog;
import com.twofactor.testkit.InMemoryOrgStore;
import com.twofactor.testkit.InMemorySmsOutbox;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import com.twofactor.testkit.LocalAesGcmSecretCipher;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.RecordingAuditLog;
import com.twofactor.testkit.TotpCodes;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/** The domain services on in-memory ports, with a clock the test moves. */
final class Fixture {
  static final Instant START = Instant.parse("2026-11-27T10:00:05Z");

  /** A fixed key for the per-number digests (the dev server draws a random one). */
  private static final SecretKey DIGEST_KEY = new SecretKeySpec(new byte[32], "HmacSHA256");

  final InMemoryTwoFactorStore store = new InMemoryTwoFactorStore();
  final LocalAesGcmSecretCipher cipher = new LocalAesGcmSecretCipher(new SecureRandom());
  final MutableClock clock = new MutableClock(START);
  final RecordingAuditLog audit = new RecordingAuditLog();
  final VerificationService verification =
      new VerificationService(
          store,
          cipher,
          audit,
          clock,
          LockoutPolicy.DEFAULT,
          SmsPolicy.DEFAULT,
          BackupCodePolicy.DEFAULT);
  final TotpEnrollmentService enrollment =
      new TotpEnrollmentService(
          store,
          cipher,
          audit,
          clock,
          new SecureRandom(),
          LockoutPolicy.DEFAULT,
          BackupCodePolicy.DEFAULT,
          verification,
          "Acme");
  final InMemoryNumberSendLog numberSends = new InMemoryNumberSendLog();
  final PhoneNumberDigest digests = new HmacPhoneNumberDigest(() -> DIGEST_KEY);
  final InMemorySmsOutbox outbox = new InMemorySmsOutbox(clock);
  final SmsMessages messages = new SmsMessages("Acme", Optional.of("acme.example"));
  final SmsEnrollmentService smsEnrollment =
      new SmsEnrollmentService(
          store,
          cipher,
          outbox,
          audit,
          clock,
          new SecureRandom(),
          LockoutPolicy.DEFAULT,
          SmsPolicy.DEFAULT,
          new PhoneNumbers(Set.of("US", "CA", "GB", "DE", "FR")),
          messages,
          BackupCodePolicy.DEFAULT,
          verification,
          digests,
          numberSends);
  final SmsSignInService smsSignIn =
      new SmsSignInService(
          store,
          cipher,
          outbox,
          audit,
          clock,
          new SecureRandom(),
          LockoutPolicy.DEFAULT,
          SmsPolicy.DEFAULT,
          messages,
          digests,
          numberSends);
  final InMemoryOrgStore orgStore = new InMemoryOrgStore(store);
  final StatusService status = new StatusService(store, orgStore, clock, BackupCodePolicy.DEFAULT);
  final BackupCodeService backupCodes =
      new BackupCodeService(
          store, cipher, audit, clock, new SecureRandom(), BackupCodePolicy.DEFAULT, verification);
  final OrgService orgs = new OrgService(orgStore, store, audit, clock);
  final DisableService disable =
      new DisableService(store, orgStore, audit, clock, verification, BackupCodePolicy.DEFAULT);
  final AdminResetService adminReset =
      new AdminResetService(store, orgStore, audit, clock, BackupCodePolicy.DEFAULT);
  private final Totp totp = new Totp();

  /** Sets up and confirms TOTP for {@code userId}; returns the raw secret. */
  byte[] enrollTotp(String userId) {
    TotpSetup setup = enrollment.start(userId, userId + "@example.com");
    byte[] secret = Base32.decode(setup.secret());
    enrollment.confirm(userId, codeNow(secret));
    nextStep();
    return secret;
  }

  /** {@code owner} invites {@code userId} with {@code role}, and the invitee accepts. */
  void join(String owner, String orgId, String userId, Role role) {
    orgs.putMember(owner, orgId, userId, role);
    orgs.acceptInvitation(userId, orgId);
  }

  /** A US mobile-capable number (+1 201 is a New Jersey area code: fixed line or mobile). */
  static final String PHONE = "+12015550123";

  /** Sets up and confirms SMS for {@code userId} with the code read from the outbox. */
  void enrollSms(String userId) {
    smsEnrollment.start(userId, PHONE, Optional.empty());
    smsEnrollment.confirm(userId, outbox.lastCodeTo(PHONE));
  }

  /** As {@link #enrollSms(String)}, for a user who already has a factor and so gives a proof. */
  void enrollSms(String userId, Proof proof) {
    smsEnrollment.start(userId, PHONE, Optional.of(proof));
    smsEnrollment.confirm(userId, outbox.lastCodeTo(PHONE));
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

  /** The refusal {@code call} ends in; fails the test when it ends normally. */
  static TwoFactorException refusal(Runnable call) {
    try {
      call.run();
    } catch (TwoFactorException e) {
      return e;
    }
    throw new AssertionError("expected a refusal");
  }

  /** The error code of the refusal {@code call} ends in. */
  static ErrorCode codeOf(Runnable call) {
    return refusal(call).code();
  }
}
