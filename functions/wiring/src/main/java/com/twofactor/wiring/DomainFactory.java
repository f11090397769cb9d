package com.twofactor.wiring;

import com.twofactor.core.events.SecurityEventMapper;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.BranchKeyRotation;
import com.twofactor.core.port.LoggingAuditLog;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.SmsSender;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.AdminResetService;
import com.twofactor.core.service.BackupCodePolicy;
import com.twofactor.core.service.BackupCodeService;
import com.twofactor.core.service.BranchKeyRotationService;
import com.twofactor.core.service.DisableService;
import com.twofactor.core.service.LockoutPolicy;
import com.twofactor.core.service.OrgService;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsPolicy;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.sms.PhoneNumbers;
import com.twofactor.core.sms.SmsMessages;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * Builds the domain services from whichever ports the deployable provides: the AWS adapters on
 * Lambda, the in-memory ones in the dev server and handler tests.
 */
@Factory
public class DomainFactory {

  @Singleton
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The JDK default ({@code NativePRNG} on Linux) mixes fresh {@code /dev/urandom} output into
   * every {@code nextBytes} call, so instances restored from one SnapStart snapshot still diverge.
   * Creating the instance draws no secret; secrets are drawn per request.
   */
  @Singleton
  SecureRandom secureRandom() {
    return new SecureRandom();
  }

  @Singleton
  AuditLog auditLog() {
    return new LoggingAuditLog();
  }

  @Singleton
  LockoutPolicy lockoutPolicy(TwoFactorConfiguration config) {
    return new LockoutPolicy(config.getMaxFailedAttempts(), config.getLockDuration());
  }

  @Singleton
  BackupCodePolicy backupCodePolicy(TwoFactorConfiguration config) {
    BackupCodePolicy defaults = BackupCodePolicy.DEFAULT;
    return new BackupCodePolicy(
        config.getBackupCodes().getCount(), defaults.lowWatermark(), defaults.iterations());
  }

  @Singleton
  BackupCodeService backupCodeService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      BackupCodePolicy policy,
      VerificationService verification) {
    return new BackupCodeService(store, cipher, audit, clock, random, policy, verification);
  }

  @Singleton
  OrgService orgService(OrgStore orgs, TwoFactorStore store, AuditLog audit, Clock clock) {
    return new OrgService(orgs, store, audit, clock);
  }

  @Singleton
  DisableService disableService(
      TwoFactorStore store,
      OrgStore orgs,
      AuditLog audit,
      Clock clock,
      VerificationService verification,
      BackupCodePolicy backupPolicy) {
    return new DisableService(store, orgs, audit, clock, verification, backupPolicy);
  }

  /** One mapping from stored changes to security events, for the stream and the dev server. */
  @Singleton
  SecurityEventMapper securityEventMapper(BackupCodePolicy backupPolicy) {
    return new SecurityEventMapper(backupPolicy.lowWatermark());
  }

  @Singleton
  AdminResetService adminResetService(
      TwoFactorStore store,
      OrgStore orgs,
      AuditLog audit,
      Clock clock,
      BackupCodePolicy backupPolicy) {
    return new AdminResetService(store, orgs, audit, clock, backupPolicy);
  }

  /** Only where the function holds the branch key (the AWS adapters, or the in-memory ports). */
  @Singleton
  @Requires(beans = BranchKeyRotation.class)
  BranchKeyRotationService branchKeyRotationService(
      BranchKeyRotation keys, AuditLog audit, Clock clock) {
    return new BranchKeyRotationService(keys, audit, clock);
  }

  @Singleton
  SmsPolicy smsPolicy(TwoFactorConfiguration config) {
    SmsPolicy defaults = SmsPolicy.DEFAULT;
    TwoFactorConfiguration.SmsSettings sms = config.getSms();
    return new SmsPolicy(
        defaults.codeTtl(),
        defaults.maxAttempts(),
        defaults.minInterval(),
        defaults.maxPerHour(),
        defaults.pendingTtl(),
        List.of(
            new SmsPolicy.SendLimit(sms.getPerNumberShortMax(), sms.getPerNumberShortWindow()),
            new SmsPolicy.SendLimit(sms.getPerNumberLongMax(), sms.getPerNumberLongWindow())));
  }

  @Singleton
  PhoneNumbers phoneNumbers(TwoFactorConfiguration config) {
    return new PhoneNumbers(Set.copyOf(config.getSms().getAllowedCountries()));
  }

  @Singleton
  SmsMessages smsMessages(TwoFactorConfiguration config) {
    return new SmsMessages(config.getIssuer(), config.getSms().getOtpDomain());
  }

  @Singleton
  StatusService statusService(
      TwoFactorStore store, OrgStore orgs, Clock clock, BackupCodePolicy policy) {
    return new StatusService(store, orgs, clock, policy);
  }

  @Singleton
  TotpEnrollmentService totpEnrollmentService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      BackupCodePolicy backupPolicy,
      VerificationService verification,
      TwoFactorConfiguration config) {
    return new TotpEnrollmentService(
        store,
        cipher,
        audit,
        clock,
        random,
        lockout,
        backupPolicy,
        verification,
        config.getIssuer());
  }

  @Singleton
  VerificationService verificationService(
      TwoFactorStore store,
      SecretCipher cipher,
      AuditLog audit,
      Clock clock,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy,
      BackupCodePolicy backupPolicy) {
    return new VerificationService(store, cipher, audit, clock, lockout, smsPolicy, backupPolicy);
  }

  @Singleton
  SmsEnrollmentService smsEnrollmentService(
      TwoFactorStore store,
      SecretCipher cipher,
      SmsSender sender,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy,
      PhoneNumbers phones,
      SmsMessages messages,
      BackupCodePolicy backupPolicy,
      VerificationService verification,
      PhoneNumberDigest digests,
      NumberSendLog numberSends) {
    return new SmsEnrollmentService(
        store,
        cipher,
        sender,
        audit,
        clock,
        random,
        lockout,
        smsPolicy,
        phones,
        messages,
        backupPolicy,
        verification,
        digests,
        numberSends);
  }

  @Singleton
  SmsSignInService smsSignInService(
      TwoFactorStore store,
      SecretCipher cipher,
      SmsSender sender,
      AuditLog audit,
      Clock clock,
      SecureRandom random,
      LockoutPolicy lockout,
      SmsPolicy smsPolicy,
      SmsMessages messages,
      PhoneNumberDigest digests,
      NumberSendLog numberSends) {
    return new SmsSignInService(
        store,
        cipher,
        sender,
        audit,
        clock,
        random,
        lockout,
        smsPolicy,
        messages,
        digests,
        numberSends);
  }
}
