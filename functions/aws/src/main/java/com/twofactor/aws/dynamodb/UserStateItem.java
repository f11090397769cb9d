package com.twofactor.aws.dynamodb;

import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.UserTwoFactor;
import java.time.Instant;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;

/**
 * One user's two-factor state as a DynamoDB item ({@code pk = USER#<id>}, {@code sk = STATE}).
 * Secrets are stored only as KMS ciphertext (binary attributes); instants as ISO-8601 strings.
 */
public final class UserStateItem {
  static final String SORT_KEY = "STATE";

  /**
   * Built once per container, without reflection: the static schema maps each attribute with a
   * getter and setter pair.
   */
  static final TableSchema<UserStateItem> SCHEMA =
      StaticTableSchema.builder(UserStateItem.class)
          .newItemSupplier(UserStateItem::new)
          .addAttribute(
              String.class,
              a ->
                  a.name("pk")
                      .getter(UserStateItem::getPk)
                      .setter(UserStateItem::setPk)
                      .tags(StaticAttributeTags.primaryPartitionKey()))
          .addAttribute(
              String.class,
              a ->
                  a.name("sk")
                      .getter(UserStateItem::getSk)
                      .setter(UserStateItem::setSk)
                      .tags(StaticAttributeTags.primarySortKey()))
          .addAttribute(
              Long.class,
              a -> a.name("version").getter(i -> i.version).setter((i, v) -> i.version = v))
          .addAttribute(
              SdkBytes.class,
              a ->
                  a.name("totpSecret").getter(i -> i.totpSecret).setter((i, v) -> i.totpSecret = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("totpConfirmedAt")
                      .getter(i -> i.totpConfirmedAt)
                      .setter((i, v) -> i.totpConfirmedAt = v))
          .addAttribute(
              Long.class,
              a ->
                  a.name("totpLastUsedStep")
                      .getter(i -> i.totpLastUsedStep)
                      .setter((i, v) -> i.totpLastUsedStep = v))
          .addAttribute(
              SdkBytes.class,
              a ->
                  a.name("pendingTotpSecret")
                      .getter(i -> i.pendingTotpSecret)
                      .setter((i, v) -> i.pendingTotpSecret = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("pendingTotpExpiresAt")
                      .getter(i -> i.pendingTotpExpiresAt)
                      .setter((i, v) -> i.pendingTotpExpiresAt = v))
          .addAttribute(
              Integer.class,
              a ->
                  a.name("failedAttempts")
                      .getter(i -> i.failedAttempts)
                      .setter((i, v) -> i.failedAttempts = v))
          .addAttribute(
              String.class,
              a ->
                  a.name("lockedUntil")
                      .getter(i -> i.lockedUntil)
                      .setter((i, v) -> i.lockedUntil = v))
          .build();

  private String pk;
  private String sk;
  private Long version;
  private SdkBytes totpSecret;
  private String totpConfirmedAt;
  private Long totpLastUsedStep;
  private SdkBytes pendingTotpSecret;
  private String pendingTotpExpiresAt;
  private Integer failedAttempts;
  private String lockedUntil;

  public String getPk() {
    return pk;
  }

  public void setPk(String pk) {
    this.pk = pk;
  }

  public String getSk() {
    return sk;
  }

  public void setSk(String sk) {
    this.sk = sk;
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
      item.totpSecret = SdkBytes.fromByteArray(state.totp().secret().bytes());
      item.totpConfirmedAt = state.totp().confirmedAt().toString();
      item.totpLastUsedStep = state.totp().lastUsedStep();
    }
    if (state.pendingTotp() != null) {
      item.pendingTotpSecret = SdkBytes.fromByteArray(state.pendingTotp().secret().bytes());
      item.pendingTotpExpiresAt = state.pendingTotp().expiresAt().toString();
    }
    item.failedAttempts = state.failedAttempts();
    item.lockedUntil = text(state.lockedUntil());
    return item;
  }

  UserTwoFactor toState(String userId) {
    ActiveTotp totp =
        totpSecret == null
            ? null
            : new ActiveTotp(
                Ciphertext.of(totpSecret.asByteArray()),
                Instant.parse(totpConfirmedAt),
                totpLastUsedStep == null ? -1 : totpLastUsedStep);
    PendingTotp pending =
        pendingTotpSecret == null
            ? null
            : new PendingTotp(
                Ciphertext.of(pendingTotpSecret.asByteArray()),
                Instant.parse(pendingTotpExpiresAt));
    return new UserTwoFactor(
        userId,
        version == null ? 0 : version,
        totp,
        pending,
        failedAttempts == null ? 0 : failedAttempts,
        lockedUntil == null ? null : Instant.parse(lockedUntil));
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
