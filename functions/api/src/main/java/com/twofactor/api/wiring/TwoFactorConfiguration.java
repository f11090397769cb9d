package com.twofactor.api.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

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
}
