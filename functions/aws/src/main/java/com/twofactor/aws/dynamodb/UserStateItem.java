package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.PendingSms;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.EnhancedType;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One user's two-factor state as a DynamoDB item ({@code pk = USER#<id>}, {@code sk = STATE}).
 * Secrets and phone numbers are stored only as KMS ciphertext (binary attributes), SMS codes only
 * as salted hashes; instants as ISO-8601 strings.
 */
public final class UserStateItem {
  static final String SORT_KEY = "STATE";

  /** Built once per container, without reflection. */
  static final TableSchema<UserStateItem> SCHEMA = schema();

  private String pk;
  private String sk;
  private Long version;
  private SdkBytes totpSecret;
  private String totpConfirmedAt;
  private Long totpLastUsedStep;
  private SdkBytes pendingTotpSecret;
  private String pendingTotpExpiresAt;
  private SdkBytes smsPhone;
  private String smsPhoneHint;
  private String smsConfirmedAt;
  private SdkBytes pendingSmsPhone;
  private String pendingSmsPhoneHint;
  private String pendingSmsExpiresAt;
  private String smsCodePurpose;
  private String smsCodeHash;
  private String smsCodeSalt;
  private String smsCodeExpiresAt;
  private Integer smsCodeAttempts;
  private List<String> smsSentAt;
  private String backupSalt;
  private List<String> backupHashes;
  private List<Boolean> backupUsed;
  private SdkBytes backupSealed;
  private String backupGeneratedAt;
  private List<String> requiredBy;
  private Integer failedAttempts;
  private String lockedUntil;
  private String adminResetAt;
  private String adminResetBy;
  private Map<String, String> adminResetGraceEndsAt;

  private static TableSchema<UserStateItem> schema() {
    var b = StaticTableSchema.builder(UserStateItem.class).newItemSupplier(UserStateItem::new);
    ItemSchemas.keys(b, i -> i.pk, (i, v) -> i.pk = v, i -> i.sk, (i, v) -> i.sk = v);
    add(b, Long.class, "version", i -> i.version, (i, v) -> i.version = v);
    add(b, SdkBytes.class, "totpSecret", i -> i.totpSecret, (i, v) -> i.totpSecret = v);
    add(
        b,
        String.class,
        "totpConfirmedAt",
        i -> i.totpConfirmedAt,
        (i, v) -> i.totpConfirmedAt = v);
    add(
        b,
        Long.class,
        "totpLastUsedStep",
        i -> i.totpLastUsedStep,
        (i, v) -> i.totpLastUsedStep = v);
    add(
        b,
        SdkBytes.class,
        "pendingTotpSecret",
        i -> i.pendingTotpSecret,
        (i, v) -> i.pendingTotpSecret = v);
    add(
        b,
        String.class,
        "pendingTotpExpiresAt",
        i -> i.pendingTotpExpiresAt,
        (i, v) -> i.pendingTotpExpiresAt = v);
    add(b, SdkBytes.class, "smsPhone", i -> i.smsPhone, (i, v) -> i.smsPhone = v);
    add(b, String.class, "smsPhoneHint", i -> i.smsPhoneHint, (i, v) -> i.smsPhoneHint = v);
    add(b, String.class, "smsConfirmedAt", i -> i.smsConfirmedAt, (i, v) -> i.smsConfirmedAt = v);
    add(
        b,
        SdkBytes.class,
        "pendingSmsPhone",
        i -> i.pendingSmsPhone,
        (i, v) -> i.pendingSmsPhone = v);
    add(
        b,
        String.class,
        "pendingSmsPhoneHint",
        i -> i.pendingSmsPhoneHint,
        (i, v) -> i.pendingSmsPhoneHint = v);
    add(
        b,
        String.class,
        "pendingSmsExpiresAt",
        i -> i.pendingSmsExpiresAt,
        (i, v) -> i.pendingSmsExpiresAt = v);
    add(b, String.class, "smsCodePurpose", i -> i.smsCodePurpose, (i, v) -> i.smsCodePurpose = v);
    add(b, String.class, "smsCodeHash", i -> i.smsCodeHash, (i, v) -> i.smsCodeHash = v);
    add(b, String.class, "smsCodeSalt", i -> i.smsCodeSalt, (i, v) -> i.smsCodeSalt = v);
    add(
        b,
        String.class,
        "smsCodeExpiresAt",
        i -> i.smsCodeExpiresAt,
        (i, v) -> i.smsCodeExpiresAt = v);
    add(
        b,
        Integer.class,
        "smsCodeAttempts",
        i -> i.smsCodeAttempts,
        (i, v) -> i.smsCodeAttempts = v);
    ItemSchemas.list(b, String.class, "smsSentAt", i -> i.smsSentAt, (i, v) -> i.smsSentAt = v);
    add(b, String.class, "backupSalt", i -> i.backupSalt, (i, v) -> i.backupSalt = v);
    ItemSchemas.list(
        b, String.class, "backupHashes", i -> i.backupHashes, (i, v) -> i.backupHashes = v);
    ItemSchemas.list(b, Boolean.class, "backupUsed", i -> i.backupUsed, (i, v) -> i.backupUsed = v);
    add(b, SdkBytes.class, "backupSealed", i -> i.backupSealed, (i, v) -> i.backupSealed = v);
    add(
        b,
        String.class,
        "backupGeneratedAt",
        i -> i.backupGeneratedAt,
        (i, v) -> i.backupGeneratedAt = v);
    ItemSchemas.list(b, String.class, "requiredBy", i -> i.requiredBy, (i, v) -> i.requiredBy = v);
    add(b, Integer.class, "failedAttempts", i -> i.failedAttempts, (i, v) -> i.failedAttempts = v);
    add(b, String.class, "lockedUntil", i -> i.lockedUntil, (i, v) -> i.lockedUntil = v);
    add(b, String.class, "adminResetAt", i -> i.adminResetAt, (i, v) -> i.adminResetAt = v);
    add(b, String.class, "adminResetBy", i -> i.adminResetBy, (i, v) -> i.adminResetBy = v);
    b.addAttribute(
        EnhancedType.mapOf(String.class, String.class),
        a ->
            a.name("adminResetGraceEndsAt")
                .getter(i -> i.adminResetGraceEndsAt)
                .setter((i, v) -> i.adminResetGraceEndsAt = v));
    return b.build();
  }

  private static <T> void add(
      StaticTableSchema.Builder<UserStateItem> builder,
      Class<T> type,
      String name,
      Function<UserStateItem, T> getter,
      BiConsumer<UserStateItem, T> setter) {
    ItemSchemas.attribute(builder, type, name, getter, setter);
  }

  static String partitionKey(String userId) {
    return "USER#" + userId;
  }

  /** The item for {@code state}, carrying {@code version} (the version being written). */
  static UserStateItem from(UserTwoFactor state, long version) {
    UserStateItem item = new UserStateItem();
    item.pk = partitionKey(state.userId());
    item.sk = SORT_KEY;
    item.version = version;
    if (state.totp() != null) {
      item.totpSecret = bytes(state.totp().secret());
      item.totpConfirmedAt = state.totp().confirmedAt().toString();
      item.totpLastUsedStep = state.totp().lastUsedStep();
    }
    if (state.pendingTotp() != null) {
      item.pendingTotpSecret = bytes(state.pendingTotp().secret());
      item.pendingTotpExpiresAt = state.pendingTotp().expiresAt().toString();
    }
    if (state.sms() != null) {
      item.smsPhone = bytes(state.sms().phone());
      item.smsPhoneHint = state.sms().phoneHint();
      item.smsConfirmedAt = state.sms().confirmedAt().toString();
    }
    if (state.pendingSms() != null) {
      item.pendingSmsPhone = bytes(state.pendingSms().phone());
      item.pendingSmsPhoneHint = state.pendingSms().phoneHint();
      item.pendingSmsExpiresAt = state.pendingSms().expiresAt().toString();
    }
    if (state.smsCode() != null) {
      item.smsCodePurpose = state.smsCode().purpose().name();
      item.smsCodeHash = state.smsCode().hash();
      item.smsCodeSalt = state.smsCode().salt();
      item.smsCodeExpiresAt = state.smsCode().expiresAt().toString();
      item.smsCodeAttempts = state.smsCode().attempts();
    }
    item.smsSentAt =
        state.smsSentAt().isEmpty()
            ? null
            : state.smsSentAt().stream().map(Instant::toString).toList();
    if (state.backupCodes() != null) {
      item.backupSalt = state.backupCodes().salt();
      item.backupHashes = state.backupCodes().hashes();
      item.backupUsed = state.backupCodes().used();
      item.backupSealed = bytes(state.backupCodes().sealed());
      item.backupGeneratedAt = state.backupCodes().generatedAt().toString();
    }
    item.requiredBy =
        state.requiredBy().isEmpty() ? null : state.requiredBy().stream().sorted().toList();
    item.failedAttempts = state.failedAttempts();
    item.lockedUntil = text(state.lockedUntil());
    if (state.lastAdminReset() != null) {
      AdminReset reset = state.lastAdminReset();
      item.adminResetAt = reset.at().toString();
      item.adminResetBy = reset.actor();
      Map<String, String> ends = new TreeMap<>();
      reset.graceEndsAt().forEach((org, end) -> ends.put(org, end.toString()));
      item.adminResetGraceEndsAt = ends.isEmpty() ? null : ends;
    }
    return item;
  }

  UserTwoFactor toState(String userId) {
    return new UserTwoFactor(
        userId,
        version == null ? 0 : version,
        totpSecret == null
            ? null
            : new ActiveTotp(
                ciphertext(totpSecret),
                Instant.parse(totpConfirmedAt),
                totpLastUsedStep == null ? -1 : totpLastUsedStep),
        pendingTotpSecret == null
            ? null
            : new PendingTotp(ciphertext(pendingTotpSecret), Instant.parse(pendingTotpExpiresAt)),
        smsPhone == null
            ? null
            : new ActiveSms(ciphertext(smsPhone), smsPhoneHint, Instant.parse(smsConfirmedAt)),
        pendingSmsPhone == null
            ? null
            : new PendingSms(
                ciphertext(pendingSmsPhone),
                pendingSmsPhoneHint,
                Instant.parse(pendingSmsExpiresAt)),
        smsCodeHash == null
            ? null
            : new SmsCode(
                SmsCode.Purpose.valueOf(smsCodePurpose),
                smsCodeHash,
                smsCodeSalt,
                Instant.parse(smsCodeExpiresAt),
                smsCodeAttempts == null ? 0 : smsCodeAttempts),
        smsSentAt == null ? List.of() : smsSentAt.stream().map(Instant::parse).toList(),
        backupSalt == null
            ? null
            : new BackupCodeSet(
                backupSalt,
                backupHashes,
                backupUsed,
                ciphertext(backupSealed),
                Instant.parse(backupGeneratedAt)),
        requiredBy == null ? Set.of() : Set.copyOf(requiredBy),
        failedAttempts == null ? 0 : failedAttempts,
        lockedUntil == null ? null : Instant.parse(lockedUntil),
        adminResetAt == null ? null : adminReset());
  }

  private AdminReset adminReset() {
    Map<String, Instant> ends = new TreeMap<>();
    if (adminResetGraceEndsAt != null) {
      adminResetGraceEndsAt.forEach((org, end) -> ends.put(org, Instant.parse(end)));
    }
    return new AdminReset(Instant.parse(adminResetAt), adminResetBy, ends);
  }

  /** The partition key, from which a batch read tells whose state an item is. */
  String getPk() {
    return pk;
  }

  private static SdkBytes bytes(Ciphertext ciphertext) {
    return SdkBytes.fromByteArray(ciphertext.bytes());
  }

  private static Ciphertext ciphertext(SdkBytes bytes) {
    return Ciphertext.of(bytes.asByteArray());
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
