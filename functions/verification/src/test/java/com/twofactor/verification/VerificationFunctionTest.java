package com.twofactor.verification;

import static com.twofactor.aws.testing.ApiFunctionHarness.event;
import static com.twofactor.aws.testing.ApiFunctionHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.keys.TableBranchKeys;
import com.twofactor.aws.testing.ApiFunctionHarness;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.Responses;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The verification function's behaviour through its Lambda handler. */
@Tag("dynalite")
class VerificationFunctionTest {
  private static final String ALICE = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";
  private static final Totp TOTP = new Totp();

  /** Enrolls Alice (the user of the event files) with the code of the current step. */
  private static byte[] enrollAlice(ApiFunctionHarness function) {
    TotpEnrollmentService enrollment = function.context().getBean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(ALICE, "alice").secret());
    enrollment.confirm(ALICE, TOTP.codeAt(secret, Instant.now()));
    return secret;
  }

  private static String nextCode(byte[] secret) {
    return TotpCodes.nextAfter(secret, Instant.now());
  }

  private static String wrongCode(byte[] secret) {
    return TotpCodes.wrongAt(secret, Instant.now());
  }

  private static String body(String method, String code) {
    return "{\"method\":\"" + method + "\",\"code\":\"" + code + "\"}";
  }

  @Test
  void verify_acceptsAFreshCodeOnceAndRefusesItsReplay() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      byte[] secret = enrollAlice(function);
      String code = nextCode(secret);

      APIGatewayProxyResponseEvent first =
          function.invoke(event("verification/verify-totp.json", body("totp", code)));
      APIGatewayProxyResponseEvent replay =
          function.invoke(event("verification/verify-totp.json", body("totp", code)));

      assertThat(first.getStatusCode()).isEqualTo(200);
      assertThat(json(first)).containsEntry("verified", true).containsEntry("method", "totp");
      assertThat(replay.getStatusCode()).isEqualTo(400);
      assertThat(json(replay)).containsEntry("code", "invalid_code");
    }
  }

  @Test
  void verify_fiveWrongCodesAnswer429WithRetryAfter() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      byte[] secret = enrollAlice(function);
      String wrong = body("totp", wrongCode(secret));
      for (int i = 0; i < 4; i++) {
        assertThat(function.invoke(event("verification/verify-totp.json", wrong)).getStatusCode())
            .isEqualTo(400);
      }

      APIGatewayProxyResponseEvent fifth =
          function.invoke(event("verification/verify-totp.json", wrong));
      APIGatewayProxyResponseEvent rightButLocked =
          function.invoke(event("verification/verify-totp.json", body("totp", nextCode(secret))));

      assertThat(fifth.getStatusCode()).isEqualTo(429);
      assertThat(json(fifth)).containsEntry("code", "too_many_attempts");
      assertThat(Responses.header(fifth, "Retry-After")).hasValue("900");
      assertThat(rightButLocked.getStatusCode()).isEqualTo(429);
      assertThat(Responses.header(rightButLocked, "Retry-After")).isPresent();
    }
  }

  @Test
  void internalVerify_acceptsAnIamCallerForTheUserInThePath() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      byte[] secret = enrollAlice(function);

      APIGatewayProxyResponseEvent response =
          function.invoke(
              event("verification/internal-verify-totp.json", body("totp", nextCode(secret))));

      assertThat(response.getStatusCode()).isEqualTo(200);
      assertThat(json(response)).containsEntry("verified", true);
    }
  }

  @Test
  void internalVerify_withoutAnIamCallerIsForbiddenEvenWithAValidCode() {
    assertForbiddenWithoutUsingUpTheCode("verification/internal-verify-without-iam-caller.json");
  }

  @Test
  void internalVerify_fromAnUnlistedRoleIsForbiddenEvenWithAValidCode() {
    assertForbiddenWithoutUsingUpTheCode("verification/internal-verify-totp-unlisted-caller.json");
  }

  /** The internal verify in {@code eventFile} is refused 403, and the code stays usable. */
  private static void assertForbiddenWithoutUsingUpTheCode(String eventFile) {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      byte[] secret = enrollAlice(function);
      String code = nextCode(secret);

      APIGatewayProxyResponseEvent response = function.invoke(event(eventFile, body("totp", code)));

      assertThat(response.getStatusCode()).isEqualTo(403);
      assertThat(json(response)).containsEntry("code", "forbidden");
      assertThat(
              function
                  .invoke(event("verification/verify-totp.json", body("totp", code)))
                  .getStatusCode())
          .as("the refused request did not use up the code")
          .isEqualTo(200);
    }
  }

  @Test
  void verify_kmsFailureAnswers503AndGrantsNothing() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      byte[] secret = enrollAlice(function);
      String code = nextCode(secret);
      // KMS is on the path only while the instance must open the branch key (after a restore or
      // its ten minutes).
      function.context().getBean(TableBranchKeys.class).forget();
      aws.faults.fail("Decrypt");

      APIGatewayProxyResponseEvent down =
          function.invoke(event("verification/verify-totp.json", body("totp", code)));

      assertThat(down.getStatusCode()).isEqualTo(503);
      assertThat(json(down)).containsEntry("code", "dependency_unavailable");
      assertThat(Responses.header(down, "Retry-After")).hasValue("1");
      aws.faults.clear();
      assertThat(
              function
                  .invoke(event("verification/verify-totp.json", body("totp", code)))
                  .getStatusCode())
          .as("the code was not consumed by the failed attempt")
          .isEqualTo(200);
    }
  }

  @Test
  void verify_aCiphertextCopiedFromAnotherUsersRecordIsRefused() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      enrollAlice(function);
      TotpEnrollmentService enrollment = function.context().getBean(TotpEnrollmentService.class);
      byte[] bobSecret = Base32.decode(enrollment.start("bob", "bob").secret());
      enrollment.confirm("bob", TOTP.codeAt(bobSecret, Instant.now()));
      TwoFactorStore store = function.context().getBean(TwoFactorStore.class);
      UserTwoFactor tampered =
          store.save(store.load(ALICE).toBuilder().totp(store.load("bob").totp()).build());

      APIGatewayProxyResponseEvent response =
          function.invoke(
              event("verification/verify-totp.json", body("totp", nextCode(bobSecret))));

      assertThat(response.getStatusCode()).isEqualTo(500);
      assertThat(json(response)).containsEntry("code", "internal_error");
      assertThat(response.getBody()).doesNotContain("Exception");
      assertThat(store.load(ALICE)).as("nothing was written").isEqualTo(tampered);
    }
  }

  @Test
  void verify_dynamoDbFailureAnswers503() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      byte[] secret = enrollAlice(function);
      aws.faults.fail("PutItem");

      APIGatewayProxyResponseEvent down =
          function.invoke(event("verification/verify-totp.json", body("totp", nextCode(secret))));

      assertThat(down.getStatusCode()).isEqualTo(503);
      assertThat(json(down)).containsEntry("code", "dependency_unavailable");
    }
  }

  @Test
  void verify_costsOneReadAndOneConditionalWriteAndNoKmsThroughTheHandler() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      byte[] secret = enrollAlice(function);
      aws.calls.reset();

      function.invoke(event("verification/verify-totp.json", body("totp", nextCode(secret))));

      assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
    }
  }
}
