package com.twofactor.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.twofactor.core.service.TwoFactorStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** GET /two-factor, and the answer of every call that changes the status. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record StatusResponse(
    boolean enabled,
    Methods methods,
    BackupCodes backupCodes,
    List<String> requiredBy,
    String lockedUntil) {

  public static StatusResponse from(TwoFactorStatus status) {
    return new StatusResponse(
        status.enabled(),
        new Methods(
            new Totp(status.totp().status().wireName(), text(status.totp().confirmedAt())),
            new Sms(
                status.sms().status().wireName(),
                status.sms().phoneHint(),
                text(status.sms().confirmedAt()))),
        new BackupCodes(
            status.backupCodes().remaining(),
            status.backupCodes().total(),
            text(status.backupCodes().generatedAt())),
        status.requiredBy(),
        text(status.lockedUntil()));
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** Each method's state. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Methods(Totp totp, Sms sms) {}

  /** The TOTP method: {@code none}, {@code pending} or {@code active}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Totp(String status, String confirmedAt) {}

  /** The SMS method, with a masked phone number. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Sms(String status, String phoneHint, String confirmedAt) {}

  /** How many backup codes are left. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record BackupCodes(int remaining, int total, String generatedAt) {}
}
