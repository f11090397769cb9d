package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.PendingSms;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One user's two-factor state as a DynamoDB item ({@code pk = USER#<id>}, {@code sk = STATE}) in
 * the format of docs/data-model.md: flat attributes, secrets and phone numbers only as KMS
 * ciphertext, SMS codes only as salted hashes, instants as ISO-8601 strings.
 *
 * <p>Each attribute is named twice, side by side in the same order: once in {@link #item} (write)
 * and once in {@link #state} (read); nothing else in the code names it, and there is no schema to
 * keep in step. {@code UserStateItemFormatTest} holds the format to what earlier code wrote.
 * Stateless and thread-safe.
 */
final class UserStateItem {
  static final String PREFIX = "USER#";
  static final String SORT_KEY = "STATE";

  private UserStateItem() {}

  static String partitionKey(String userId) {
    return PREFIX + userId;
  }

  static Map<String, AttributeValue> key(String userId) {
    return AttributeMap.key(partitionKey(userId), SORT_KEY);
  }

  /** The item for {@code state}, carrying {@code version} (the version being written). */
  static Map<String, AttributeValue> item(UserTwoFactor s, long version) {
    AttributeMap a = new AttributeMap();
    a.text("pk", partitionKey(s.userId()));
    a.text("sk", SORT_KEY);
    a.number("version", version);
    if (s.totp() != null) {
      a.bytes("totpSecret", s.totp().secret());
      a.instant("totpConfirmedAt", s.totp().confirmedAt());
      a.number("totpLastUsedStep", s.totp().lastUsedStep());
    }
    if (s.pendingTotp() != null) {
      a.bytes("pendingTotpSecret", s.pendingTotp().secret());
      a.instant("pendingTotpExpiresAt", s.pendingTotp().expiresAt());
    }
    if (s.sms() != null) {
      a.bytes("smsPhone", s.sms().phone());
      a.text("smsPhoneHint", s.sms().phoneHint());
      a.instant("smsConfirmedAt", s.sms().confirmedAt());
    }
    if (s.pendingSms() != null) {
      a.bytes("pendingSmsPhone", s.pendingSms().phone());
      a.text("pendingSmsPhoneHint", s.pendingSms().phoneHint());
      a.instant("pendingSmsExpiresAt", s.pendingSms().expiresAt());
    }
    if (s.smsCode() != null) {
      a.text("smsCodePurpose", s.smsCode().purpose().name());
      a.text("smsCodeHash", s.smsCode().hash());
      a.text("smsCodeSalt", s.smsCode().salt());
      a.instant("smsCodeExpiresAt", s.smsCode().expiresAt());
      a.number("smsCodeAttempts", s.smsCode().attempts());
    }
    a.instants("smsSentAt", s.smsSentAt());
    if (s.backupCodes() != null) {
      a.text("backupSalt", s.backupCodes().salt());
      a.texts("backupHashes", s.backupCodes().hashes());
      a.flags("backupUsed", s.backupCodes().used());
      a.bytes("backupSealed", s.backupCodes().sealed());
      a.instant("backupGeneratedAt", s.backupCodes().generatedAt());
    }
    a.texts("requiredBy", new TreeSet<>(s.requiredBy()));
    a.number("failedAttempts", s.failedAttempts());
    a.instant("lockedUntil", s.lockedUntil());
    if (s.lastAdminReset() != null) {
      a.instant("adminResetAt", s.lastAdminReset().at());
      a.text("adminResetBy", s.lastAdminReset().actor());
      a.instantsByKey("adminResetGraceEndsAt", s.lastAdminReset().graceEndsAt());
    }
    return a.values();
  }

  /** The state an item (as read, or as a stream image) holds. */
  static UserTwoFactor state(Map<String, AttributeValue> item) {
    AttributeMap a = new AttributeMap(item);
    return UserTwoFactor.empty(a.text("pk").substring(PREFIX.length())).toBuilder()
        .totp(
            !a.has("totpSecret")
                ? null
                : new ActiveTotp(
                    a.bytes("totpSecret"),
                    a.instant("totpConfirmedAt"),
                    a.numberOr("totpLastUsedStep", -1)))
        .pendingTotp(
            !a.has("pendingTotpSecret")
                ? null
                : new PendingTotp(a.bytes("pendingTotpSecret"), a.instant("pendingTotpExpiresAt")))
        .sms(
            !a.has("smsPhone")
                ? null
                : new ActiveSms(
                    a.bytes("smsPhone"), a.text("smsPhoneHint"), a.instant("smsConfirmedAt")))
        .pendingSms(
            !a.has("pendingSmsPhone")
                ? null
                : new PendingSms(
                    a.bytes("pendingSmsPhone"),
                    a.text("pendingSmsPhoneHint"),
                    a.instant("pendingSmsExpiresAt")))
        .smsCode(
            !a.has("smsCodeHash")
                ? null
                : new SmsCode(
                    SmsCode.Purpose.valueOf(a.text("smsCodePurpose")),
                    a.text("smsCodeHash"),
                    a.text("smsCodeSalt"),
                    a.instant("smsCodeExpiresAt"),
                    (int) a.numberOr("smsCodeAttempts", 0)))
        .smsSentAt(a.instants("smsSentAt"))
        .backupCodes(
            !a.has("backupSalt")
                ? null
                : new BackupCodeSet(
                    a.text("backupSalt"),
                    a.texts("backupHashes"),
                    a.flags("backupUsed"),
                    a.bytes("backupSealed"),
                    a.instant("backupGeneratedAt")))
        .requiredBy(Set.copyOf(a.texts("requiredBy")))
        .failedAttempts((int) a.numberOr("failedAttempts", 0))
        .lockedUntil(a.instant("lockedUntil"))
        .lastAdminReset(
            !a.has("adminResetAt")
                ? null
                : new AdminReset(
                    a.instant("adminResetAt"),
                    a.text("adminResetBy"),
                    a.instantsByKey("adminResetGraceEndsAt")))
        .build()
        .withVersion(a.numberOr("version", 0));
  }
}
