package com.twofactor.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings under {@code two-factor.*}; each has a safe default. */
@ConfigurationProperties("two-factor")
public class TwoFactorConfiguration {
  /** The issuer name authenticator apps show (and the otpauth URI carries). */
  @NotBlank private String issuer = "Two-Factor";

  /** Consecutive wrong codes before verification locks. */
  @Min(1)
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

  /** Settings under {@code two-factor.sms.*}. */
  @ConfigurationProperties("sms")
  public static class SmsSettings {
    /**
     * ISO 3166 region codes whose mobile numbers may receive codes. The default list lives in one
     * place, {@code two-factor-defaults.properties} of this module; an empty list is refused at
     * start-up rather than silently texting nobody.
     */
    @NotEmpty private List<String> allowedCountries = List.of();

    /** The site domain for the origin-bound last line ({@code @domain #code}); none by default. */
    private String otpDomain;

    /** Codes texted to one number, whichever accounts ask, within {@code perNumberShortWindow}. */
    @Min(1)
    private int perNumberShortMax = 3;

    private Duration perNumberShortWindow = Duration.ofMinutes(15);

    /** Codes texted to one number within {@code perNumberLongWindow}. */
    @Min(1)
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
  }

  /** Settings under {@code two-factor.backup-codes.*}. */
  @ConfigurationProperties("backup-codes")
  public static class BackupCodeSettings {
    /** Codes per set. */
    @Min(5)
    private int count = 10;

    public int getCount() {
      return count;
    }

    public void setCount(int count) {
      this.count = count;
    }
  }
}
