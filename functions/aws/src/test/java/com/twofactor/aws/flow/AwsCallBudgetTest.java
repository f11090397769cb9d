package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.keys.SmsNumberDigestFactory;
import com.twofactor.aws.keys.TableSealedKey;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.Method;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.OrgService;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.TwoFactorStatus;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.sms.HmacPhoneNumberDigest;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The budgets of docs/budgets.md, counted at the SDK boundary with an ExecutionInterceptor, on a
 * warm instance: the branch key (see {@code TableBranchKeys}) and the SMS digest key are already
 * open, so no login-path operation calls KMS. Every text also reads and conditionally writes its
 * number's send log; the digest key costs a read and a KMS Decrypt once per instance, and is made
 * (Encrypt and a put) once per deployment.
 */
@Tag("dynalite")
class AwsCallBudgetTest extends OnEmulatedAws {

  @BeforeEach
  void warmInstance() {
    aws.bean(BranchKeys.class).current();
  }

  @Test
  void status_costsOneReadAndNoKms() {
    TotpOnAws.enroll(aws, "budget-status");
    aws.calls.reset();

    aws.bean(StatusService.class).status("budget-status");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.Query");
  }

  /** Issue 9 item 5: status names the requiring orgs within 3 calls, none to KMS. */
  @Test
  void statusOfAMemberOfRequiringOrgs_costsAtMostThreeCallsAndNoKms() {
    TotpOnAws.enroll(aws, "budget-owner");
    TotpOnAws.enroll(aws, "budget-member");
    OrgService orgs = aws.bean(OrgService.class);
    for (String name : List.of("first", "second", "third")) {
      Org org = orgs.create("budget-owner", name);
      orgs.setRequirement("budget-owner", org.orgId(), true, 24);
      orgs.putMember("budget-owner", org.orgId(), "budget-member", Role.MEMBER);
      orgs.acceptInvitation("budget-member", org.orgId());
    }
    aws.calls.reset();

    TwoFactorStatus status = aws.bean(StatusService.class).status("budget-member");

    assertThat(status.requiredBy())
        .extracting(TwoFactorStatus.OrgRequirement::name)
        .containsExactlyInAnyOrder("first", "second", "third");
    assertThat(aws.calls.calls())
        .hasSizeLessThanOrEqualTo(3)
        .noneMatch(call -> call.startsWith("Kms."))
        .containsExactly("DynamoDb.GetItem", "DynamoDb.Query", "DynamoDb.BatchGetItem");
  }

  @Test
  void totpVerify_costsOneReadAndOneConditionalWrite_andNoKms() {
    byte[] secret = TotpOnAws.enroll(aws, "budget-verify");
    aws.calls.reset();

    aws.bean(VerificationService.class)
        .verify("budget-verify", "budget-verify", Method.TOTP, TotpOnAws.nextStepCode(secret));

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void backupCodeConsume_costsOneReadAndOneConditionalWrite_andNoKms() {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("budget-backup", "budget-backup").secret());
    List<String> codes =
        enrollment
            .confirm("budget-backup", new Totp().codeAt(secret, Instant.now()))
            .newBackupCodes();
    aws.calls.reset();

    aws.bean(VerificationService.class)
        .verify("budget-backup", "budget-backup", Method.BACKUP_CODE, codes.get(0));

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void totpStart_costsOneReadOneWrite_andNoKms() {
    aws.calls.reset();

    aws.bean(TotpEnrollmentService.class).start("budget-start", "budget-start");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  private static final String PHONE = "+12015550142";

  /**
   * What texting a code costs: the user's item, the number's send log read and written, the user's
   * item written, one publish.
   */
  private static final List<String> SMS_SEND =
      List.of(
          "DynamoDb.GetItem",
          "DynamoDb.GetItem",
          "DynamoDb.PutItem",
          "DynamoDb.PutItem",
          "Sns.Publish");

  /** Texts another number once, so this instance has already opened its digest key. */
  private void warmDigestKey(String userId) {
    aws.bean(SmsEnrollmentService.class).start(userId, "+12015550143", Optional.empty());
  }

  @Test
  void smsSetUp_costsARead_theNumbersReadAndWrite_aWriteAndAPublish_andNoKms() {
    warmDigestKey("budget-warm-1");
    aws.calls.reset();

    aws.bean(SmsEnrollmentService.class).start("budget-sms-start", PHONE, Optional.empty());

    assertThat(aws.calls.calls()).containsExactlyElementsOf(SMS_SEND);
  }

  @Test
  void smsSignInCode_costsARead_theNumbersReadAndWrite_aWriteAndAPublish_andNoKms() {
    warmDigestKey("budget-warm-2");
    aws.bean(SmsEnrollmentService.class).start("budget-sms", "+12015550144", Optional.empty());
    aws.bean(SmsEnrollmentService.class).confirm("budget-sms", aws.sns.lastCodeTo("+12015550144"));
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    store.save(store.load("budget-sms").toBuilder().smsSentAt(List.of()).build());
    aws.calls.reset();

    aws.bean(SmsSignInService.class).sendSignInCode("budget-sms", "budget-sms");

    assertThat(aws.calls.calls()).containsExactlyElementsOf(SMS_SEND);
  }

  @Test
  void digestKey_theFirstSendOfADeploymentMakesIt_aNewInstanceOpensItOnce() {
    try (AwsTestContext fresh = new AwsTestContext()) {
      fresh.bean(SmsEnrollmentService.class).start("first-ever", PHONE, Optional.empty());
      assertThat(fresh.calls.calls())
          .containsExactly(
              "DynamoDb.GetItem",
              // the branch key: none yet, so this instance makes version 1
              "DynamoDb.GetItem",
              "Kms.Encrypt",
              "DynamoDb.PutItem",
              // the SMS digest key, likewise
              "DynamoDb.GetItem",
              "Kms.Encrypt",
              "DynamoDb.PutItem",
              "DynamoDb.GetItem",
              "DynamoDb.PutItem",
              "DynamoDb.PutItem",
              "Sns.Publish");
      String digest = fresh.bean(PhoneNumberDigest.class).digest(PHONE);

      // Another instance: a new holder of the same deployment's key.
      fresh.calls.reset();
      PhoneNumberDigest otherInstance =
          new HmacPhoneNumberDigest(
              new TableSealedKey(
                  fresh.bean(DynamoDbClient.class),
                  () -> fresh.bean(KmsClient.class),
                  fresh.tableName,
                  "alias/two-factor-test",
                  SmsNumberDigestFactory.KEY_NAME,
                  "HmacSHA256",
                  new SecureRandom(),
                  Clock.systemUTC()));
      assertThat(fresh.calls.calls()).isEmpty();

      assertThat(otherInstance.digest(PHONE)).isEqualTo(digest);
      assertThat(otherInstance.digest(PHONE)).isEqualTo(digest);
      assertThat(fresh.calls.calls()).containsExactly("DynamoDb.GetItem", "Kms.Decrypt");
    }
  }
}
