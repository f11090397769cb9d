package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsCodeService;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.VerificationService;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** SMS on DynamoDB (dynalite), KMS (in-memory) and SNS (fake endpoint), through the real SDK. */
class SmsOnAwsTest extends OnEmulatedAws {
  private static final String PHONE = "+12015550123";

  @AfterEach
  void heal() {
    aws.faults.clear();
  }

  /** Enrolls SMS; the send window of the enrollment code is then still open for 30 s. */
  private void enroll(String userId) {
    aws.bean(SmsEnrollmentService.class).start(userId, PHONE, Optional.empty());
    aws.bean(SmsEnrollmentService.class).confirm(userId, aws.sns.lastCodeTo(PHONE));
  }

  /** Moves the user's last send out of the 30-second window, as time would. */
  private void forgetSends(String userId) {
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    store.save(store.load(userId).toBuilder().smsSentAt(List.of()).build());
  }

  @Test
  void start_costsARead_anEncrypt_aWriteAndAPublish() {
    aws.calls.reset();

    aws.bean(SmsEnrollmentService.class).start("sms-budget-start", PHONE, Optional.empty());

    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Encrypt", "DynamoDb.PutItem", "Sns.Publish");
  }

  @Test
  void signInCode_costsARead_aDecrypt_aWriteAndAPublish_andVerifyNeedsNoKms() {
    enroll("sms-budget");
    forgetSends("sms-budget");
    aws.calls.reset();

    aws.bean(SmsCodeService.class).sendSignInCode("sms-budget", "sms-budget");
    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Decrypt", "DynamoDb.PutItem", "Sns.Publish");
    aws.calls.reset();

    aws.bean(VerificationService.class)
        .verify("sms-budget", "sms-budget", Method.SMS, aws.sns.lastCodeTo(PHONE));
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
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
                    aws.bean(SmsCodeService.class).sendSignInCode("sms-racer", "sms-racer");
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
            () -> aws.bean(SmsCodeService.class).sendSignInCode("sms-sns-down", "sms-sns-down"))
        .isInstanceOf(DependencyUnavailableException.class);

    assertThat(aws.bean(TwoFactorStore.class).load("sms-sns-down").smsCode()).isNull();
  }

  @Test
  void phoneNumber_isStoredOnlyAsCiphertext() {
    aws.bean(SmsEnrollmentService.class).start("sms-at-rest", PHONE, Optional.empty());

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
        .doesNotContain("2015550123")
        .doesNotContain(aws.sns.lastCodeTo(PHONE));
    assertThat(item.get("pendingSmsPhoneHint").s()).isEqualTo("+1 ********23");
  }
}
