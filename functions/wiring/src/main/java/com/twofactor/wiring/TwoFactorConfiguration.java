package com.twofactor.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Settings under {@code two-factor.*}; each has a safe default, and a value that would misbehave (a
 * blank issuer, no SMS country, counts below their minimum) stops the function at start-up.
 */
@ConfigurationProperties("two-factor")
public class TwoFactorConfiguration {
  /** The issuer name authenticator apps show (and the otpauth URI carries). */
  private String issuer = "Two-Factor";

  /** Consecutive wrong codes before verification locks; at least 1. */
  private int maxFailedAttempts = 5;

  /** How long a lockout lasts. */
  private Duration lockDuration = Duration.ofMinutes(15);

  private SmsSettings sms = new SmsSettings();
  private BackupCodeSettings backupCodes = new BackupCodeSettings();

  public BackupCodeSettings getBackupCodes() {
    return backupCodes;
  }

  public void setBackupCodes(BackupCodeSettings backupCodes) {
    this.backupCodes = backupCodes;
  }

  public SmsSettings getSms() {
    return sms;
  }

  public void setSms(SmsSettings sms) {
    this.sms = sms;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public int getMaxFailedAttempts() {
    return maxFailedAttempts;
  }

  public void setMaxFailedAttempts(int maxFailedAttempts) {
    this.maxFailedAttempts = maxFailedAttempts;
  }

  public Duration getLockDuration() {
    return lockDuration;
  }

  public void setLockDuration(Duration lockDuration) {
    this.lockDuration = lockDuration;
  }

  @PostConstruct
  void check() {
    if (issuer == null || issuer.isBlank()) {
      throw new IllegalStateException("two-factor.issuer must not be blank");
    }
    requireAtLeast("two-factor.max-failed-attempts", maxFailedAttempts, 1);
  }

  static void requireAtLeast(String name, int value, int min) {
    if (value < min) {
      throw new IllegalStateException(name + " must be at least " + min);
    }
  }

  /** Settings under {@code two-factor.sms.*}. */
  @ConfigurationProperties("sms")
  public static class SmsSettings {
    /**
     * ISO 3166 region codes whose mobile numbers may receive codes. The default list lives in one
     * place, {@code two-factor-defaults.properties} of this module; an empty list is refused at
     * start-up rather than silently texting nobody.
     */
    private List<String> allowedCountries = List.of();

    /** The site domain for the origin-bound last line ({@code @domain #code}); none by default. */
    private String otpDomain;

    /** Codes texted to one number, whichever accounts ask, within {@code perNumberShortWindow}. */
    private int perNumberShortMax = 3;

    private Duration perNumberShortWindow = Duration.ofMinutes(15);

    /** Codes texted to one number within {@code perNumberLongWindow}. */
    private int perNumberLongMax = 10;

    private Duration perNumberLongWindow = Duration.ofHours(24);

    public int getPerNumberShortMax() {
      return perNumberShortMax;
    }

    public void setPerNumberShortMax(int perNumberShortMax) {
      this.perNumberShortMax = perNumberShortMax;
    }

    public Duration getPerNumberShortWindow() {
      return perNumberShortWindow;
    }

    public void setPerNumberShortWindow(Duration perNumberShortWindow) {
      this.perNumberShortWindow = perNumberShortWindow;
    }

    public int getPerNumberLongMax() {
      return perNumberLongMax;
    }

    public void setPerNumberLongMax(int perNumberLongMax) {
      this.perNumberLongMax = perNumberLongMax;
    }

    public Duration getPerNumberLongWindow() {
      return perNumberLongWindow;
    }

    public void setPerNumberLongWindow(Duration perNumberLongWindow) {
      this.perNumberLongWindow = perNumberLongWindow;
    }

    public List<String> getAllowedCountries() {
      return allowedCountries;
    }

    public void setAllowedCountries(List<String> allowedCountries) {
      this.allowedCountries = allowedCountries;
    }

    public Optional<String> getOtpDomain() {
      return Optional.ofNullable(otpDomain);
    }

    public void setOtpDomain(String otpDomain) {
      this.otpDomain = otpDomain;
    }

    @PostConstruct
    void check() {
      if (allowedCountries == null || allowedCountries.stream().allMatch(String::isBlank)) {
        throw new IllegalStateException("two-factor.sms.allowed-countries must not be empty");
      }
      requireAtLeast("two-factor.sms.per-number-short-max", perNumberShortMax, 1);
      requireAtLeast("two-factor.sms.per-number-long-max", perNumberLongMax, 1);
    }
  }

  /** Settings under {@code two-factor.backup-codes.*}. */
  @ConfigurationProperties("backup-codes")
  public static class BackupCodeSettings {
    /** Codes per set; at least 5. */
    private int count = 10;

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }

    @PostConstruct
    void check() {
      requireAtLeast("two-factor.backup-codes.count", count, 5);
    }
  }
}
