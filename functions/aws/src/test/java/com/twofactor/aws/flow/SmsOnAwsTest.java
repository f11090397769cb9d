package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.aws.testing.Race;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.VerificationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SMS on DynamoDB (dynalite), KMS (in-memory) and SNS (fake endpoint), through the real SDK. Each
 * test texts its own number, since sends to one number are limited across accounts.
 */
@Tag("dynalite")
class SmsOnAwsTest extends OnEmulatedAws {
  private static final AtomicInteger NUMBERS = new AtomicInteger();
  private String phone;

  @BeforeEach
  void newNumber() {
    phone = String.format("+120155501%02d", NUMBERS.incrementAndGet());
  }

  @AfterEach
  void heal() {
    aws.faults.clear();
  }

  /** Enrolls SMS; the send window of the enrollment code is then still open for 30 s. */
  private void enroll(String userId) {
    aws.bean(SmsEnrollmentService.class).start(userId, phone, Optional.empty());
    aws.bean(SmsEnrollmentService.class).confirm(userId, aws.sns.lastCodeTo(phone));
  }

  /** Moves the user's last send out of the 30-second window, as time would. */
  private void forgetSends(String userId) {
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    store.save(store.load(userId).toBuilder().smsSentAt(List.of()).build());
  }

  @Test
  void verifyingAnSmsCode_needsNoKms() {
    enroll("sms-budget");
    forgetSends("sms-budget");
    aws.bean(SmsSignInService.class).sendSignInCode("sms-budget", "sms-budget");
    aws.calls.reset();

    aws.bean(VerificationService.class)
        .verify("sms-budget", "sms-budget", Method.SMS, aws.sns.lastCodeTo(phone));

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void perNumber_manyAccountsRacingToTextOneNumberGetAtMostThreeSends() throws Exception {
    int accounts = 16;
    List<ErrorCode> outcomes =
        race(
            accounts,
            i ->
                aws.bean(SmsEnrollmentService.class)
                    .start("pumper-" + i + "-" + phone, phone, Optional.empty()));

    assertThat(outcomes.stream().filter(Objects::isNull)).hasSize(3);
    assertThat(outcomes.stream().filter(Objects::nonNull))
        .hasSize(accounts - 3)
        .allMatch(ErrorCode.SMS_RATE_LIMITED::equals);
    assertThat(aws.sns.publishes().stream().filter(p -> phone.equals(p.get("PhoneNumber"))))
        .hasSize(3);
  }

  @Test
  void perNumber_signInCodesOfManyAccountsShareTheNumbersLimit() throws Exception {
    enroll("shared-1");
    enroll("shared-2");
    forgetSends("shared-1");
    forgetSends("shared-2");

    List<ErrorCode> outcomes =
        race(
            2,
            i ->
                aws.bean(SmsSignInService.class)
                    .sendSignInCode("shared-" + (i + 1), "shared-" + (i + 1)));

    assertThat(outcomes).containsOnlyOnce((ErrorCode) null).contains(ErrorCode.SMS_RATE_LIMITED);
  }

  @Test
  void perNumber_theTableHoldsOnlyTheKeyedDigestAndTheSealedKey() {
    aws.bean(SmsEnrollmentService.class).start("digest-only", phone, Optional.empty());

    var items =
        aws.bean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)
            .scan(r -> r.tableName(aws.tableName))
            .items();
    String digits = phone.substring(1);
    assertThat(items.toString()).doesNotContain(digits);
    assertThat(items)
        .anySatisfy(
            item -> {
              assertThat(item.get("pk").s()).startsWith("SMSNUMBER#");
              assertThat(item.get("sentAt").l()).isNotEmpty();
              assertThat(item.get("expiresAt").n()).isNotBlank();
            })
        .anySatisfy(
            item -> {
              assertThat(item.get("pk").s()).isEqualTo("KEY#sms-number-key");
              assertThat(item.get("sealed").b().asByteArray()).hasSizeGreaterThan(32);
            });
  }

  /** Runs {@code count} calls at once; each outcome is null (granted) or the refusal's code. */
  private static List<ErrorCode> race(int count, IntConsumer call) throws Exception {
    return Race.outcomes(count, call);
  }

  @Test
  void signInCode_concurrentSendsWithinTheWindowProduceOneSms() throws Exception {
    enroll("sms-racer");
    forgetSends("sms-racer");
    int before = aws.sns.publishes().size();
    int requests = 16;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(requests);
    List<Future<ErrorCode>> results = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        results.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    aws.bean(SmsSignInService.class).sendSignInCode("sms-racer", "sms-racer");
                    return null;
                  } catch (TwoFactorException e) {
                    return e.code();
                  }
                }));
      }
      go.countDown();
      int sent = 0;
      for (Future<ErrorCode> result : results) {
        ErrorCode refusal = result.get();
        if (refusal == null) {
          sent++;
        } else {
          assertThat(refusal).isEqualTo(ErrorCode.SMS_RATE_LIMITED);
        }
      }
      assertThat(sent).isEqualTo(1);
      assertThat(aws.sns.publishes()).hasSize(before + 1);
      // Racers refused after taking a per-number slot gave it back: the set-up and this one send.
      assertThat(
              aws.bean(NumberSendLog.class)
                  .load(aws.bean(PhoneNumberDigest.class).digest(phone))
                  .sentAt())
          .hasSize(2);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void signInCode_anSnsFailureAnswers503AndLeavesNoUsableCode() {
    enroll("sms-sns-down");
    forgetSends("sms-sns-down");
    aws.faults.fail("Publish");

    assertThatThrownBy(
            () -> aws.bean(SmsSignInService.class).sendSignInCode("sms-sns-down", "sms-sns-down"))
        .isInstanceOf(DependencyUnavailableException.class);

    assertThat(aws.bean(TwoFactorStore.class).load("sms-sns-down").smsCode()).isNull();
  }

  @Test
  void phoneNumber_isStoredOnlyAsCiphertext() {
    aws.bean(SmsEnrollmentService.class).start("sms-at-rest", phone, Optional.empty());

    var item =
        aws.bean(software.amazon.awssdk.services.dynamodb.DynamoDbClient.class)
            .getItem(
                r ->
                    r.tableName(aws.tableName)
                        .key(
                            java.util.Map.of(
                                "pk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "USER#sms-at-rest"),
                                "sk",
                                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(
                                    "STATE"))))
            .item();
    assertThat(item.toString())
        .doesNotContain(phone.substring(1))
        .doesNotContain(aws.sns.lastCodeTo(phone));
    assertThat(item.get("pendingSmsPhoneHint").s())
        .isEqualTo("+1 ********" + phone.substring(phone.length() - 2));
  }
}
