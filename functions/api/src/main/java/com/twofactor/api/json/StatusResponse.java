package com.twofactor.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.twofactor.core.service.Confirmation;
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
    BackupCodeStatus backupCodes,
    List<OrgRequirement> requiredBy,
    String lockedUntil) {

  public static StatusResponse from(TwoFactorStatus status) {
    return from(status, null);
  }

  /**
   * A confirmation's answer: the status, and in {@code backupCodes.codes} the user's first backup
   * codes when this confirmation made them (shown this once).
   */
  public static StatusResponse from(Confirmation confirmation) {
    return from(
        confirmation.status(),
        confirmation.newBackupCodes().isEmpty() ? null : confirmation.newBackupCodes());
  }

  private static StatusResponse from(TwoFactorStatus status, List<String> newCodes) {
    return new StatusResponse(
        status.enabled(),
        new Methods(
            new TotpStatus(status.totp().status().wireName(), text(status.totp().confirmedAt())),
            new SmsStatus(
                status.sms().status().wireName(),
                status.sms().phoneHint(),
                text(status.sms().confirmedAt()))),
        new BackupCodeStatus(
            status.backupCodes().remaining(),
            status.backupCodes().total(),
            text(status.backupCodes().generatedAt()),
            status.backupCodes().runningLow(),
            newCodes),
        status.requiredBy().stream().map(OrgRequirement::from).toList(),
        text(status.lockedUntil()));
  }

  static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /**
   * An org whose requirement applies to the caller; {@code graceEndsAt} (null for owners) is when a
   * member without 2FA loses access.
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record OrgRequirement(String orgId, String name, String role, String graceEndsAt) {
    static OrgRequirement from(TwoFactorStatus.OrgRequirement r) {
      return new OrgRequirement(r.orgId(), r.name(), r.role().wireName(), text(r.graceEndsAt()));
    }
  }

  /** Each method's state. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Methods(TotpStatus totp, SmsStatus sms) {}

  /** The TOTP method: {@code none}, {@code pending} or {@code active}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record TotpStatus(String status, String confirmedAt) {}

  /** The SMS method, with a masked phone number. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record SmsStatus(String status, String phoneHint, String confirmedAt) {}

  /**
   * How many backup codes are left; {@code runningLow} suggests making new ones; {@code codes} only
   * in the answer of the confirmation that made the first set.
   */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record BackupCodeStatus(
      int remaining,
      int total,
      String generatedAt,
      boolean runningLow,
      @JsonInclude(JsonInclude.Include.NON_NULL) List<String> codes) {
    @Override
    public String toString() {
      return "BackupCodes[remaining=" + remaining + ", total=" + total + "]";
    }
  }
}
