package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.PendingSms;
import com.twofactor.core.model.PendingTotp;
import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stored format of a user's state is a contract with every item already in a table: {@code
 * fixtures/user-state-item.json} is an item exactly as the code of commit 6029648 wrote it (every
 * attribute set), captured from dynalite. Today's code must read it into the same state, and write
 * that state back attribute for attribute the same (see docs/data-model.md).
 */
@Tag("dynalite")
class UserStateItemFormatTest extends OnEmulatedAws {
  private static final String FIXTURE = "fixtures/user-state-item.json";
  private static final String USER = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  /** A state with every field set, as the fixture holds it (version 7). */
  static UserTwoFactor everyFieldSet() {
    Instant t = Instant.parse("2026-11-28T10:15:30Z");
    return UserTwoFactor.empty(USER).toBuilder()
        .totp(new ActiveTotp(cipher(1), t, 58_000_123L))
        .pendingTotp(new PendingTotp(cipher(2), t.plusSeconds(600)))
        .sms(new ActiveSms(cipher(3), "+1 *******23", t.plusSeconds(5)))
        .pendingSms(new PendingSms(cipher(4), "+44 ********99", t.plusSeconds(700)))
        .smsCode(
            new SmsCode(
                SmsCode.Purpose.SIGN_IN,
                "aGFzaC1vZi10aGUtY29kZQ==",
                "c2FsdC1vZi10aGUtY29kZQ==",
                t.plusSeconds(300),
                2))
        .smsSentAt(List.of(t.minusSeconds(120), t.minusSeconds(60)))
        .backupCodes(
            new BackupCodeSet(
                "YmFja3VwLXNhbHQ=",
                List.of("aGFzaDE=", "aGFzaDI=", "aGFzaDM="),
                List.of(false, true, false),
                cipher(5),
                t.minusSeconds(3600)))
        .requiredBy(Set.of("org-b", "org-a"))
        .failedAttempts(3)
        .lockedUntil(t.plusSeconds(900))
        .lastAdminReset(
            new AdminReset(
                t.minusSeconds(86_400),
                "support:jane",
                Map.of("org-a", t.plusSeconds(7200), "org-c", t.plusSeconds(3600))))
        .build()
        .withVersion(7);
  }

  @Test
  void anItemWrittenByEarlierCode_readsAsTheSameState() {
    DynamoDbClient dynamoDb = aws.bean(DynamoDbClient.class);
    dynamoDb.putItem(r -> r.tableName(aws.tableName).item(fixture()));

    UserTwoFactor read = aws.bean(TwoFactorStore.class).load(USER);

    assertThat(read).isEqualTo(everyFieldSet());
  }

  @Test
  void aStateWrittenNow_isStoredInTheSameFormat_andReadsBackTheSame() {
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    UserTwoFactor state = everyFieldSet().withVersion(0);
    String other = "someone-else";
    UserTwoFactor saved = store.save(rename(state, other));

    Map<String, AttributeValue> item =
        aws.bean(DynamoDbClient.class)
            .getItem(
                r ->
                    r.tableName(aws.tableName)
                        .consistentRead(true)
                        .key(
                            Map.of(
                                "pk", AttributeValue.fromS("USER#" + other),
                                "sk", AttributeValue.fromS("STATE"))))
            .item();

    Map<String, AttributeValue> expected = new TreeMap<>(fixture());
    expected.put("pk", AttributeValue.fromS("USER#" + other));
    expected.put("version", AttributeValue.fromN("1"));
    assertThat(new TreeMap<>(item)).isEqualTo(expected);
    assertThat(store.load(other)).isEqualTo(saved);
    assertThat(saved).isEqualTo(rename(everyFieldSet(), other).withVersion(1));
  }

  private static UserTwoFactor rename(UserTwoFactor state, String userId) {
    UserTwoFactor.Builder b = UserTwoFactor.empty(userId).toBuilder();
    return b.totp(state.totp())
        .pendingTotp(state.pendingTotp())
        .sms(state.sms())
        .pendingSms(state.pendingSms())
        .smsCode(state.smsCode())
        .smsSentAt(state.smsSentAt())
        .backupCodes(state.backupCodes())
        .requiredBy(state.requiredBy())
        .failedAttempts(state.failedAttempts())
        .lockedUntil(state.lockedUntil())
        .lastAdminReset(state.lastAdminReset())
        .build()
        .withVersion(state.version());
  }

  private static Ciphertext cipher(int n) {
    byte[] bytes = new byte[12 + n];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (n * 31 + i);
    }
    return Ciphertext.of(bytes);
  }

  static Map<String, AttributeValue> fixture() {
    return DynamoDbJson.item(DynamoDbJson.resource(FIXTURE));
  }
}
