package com.twofactor.enrollment;

import static com.twofactor.aws.testing.ApiFunctionHarness.event;
import static com.twofactor.aws.testing.ApiFunctionHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.testing.ApiFunctionHarness;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.Responses;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import com.twofactor.testkit.InMemorySmsOutbox;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The enrollment function's behaviour through its Lambda handler. */
@Tag("dynalite")
class EnrollmentFunctionTest {
  private static final String ALICE = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  private static String code(String base32Secret) {
    return new Totp().codeAt(Base32.decode(base32Secret), Instant.now());
  }

  private static APIGatewayProxyRequestEvent asUser(APIGatewayProxyRequestEvent event, String sub) {
    return withClaim(event, "sub", sub);
  }

  private static APIGatewayProxyRequestEvent withClaim(
      APIGatewayProxyRequestEvent event, String claim, String value) {
    Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = new HashMap<>((Map<String, Object>) authorizer.get("claims"));
    claims.put(claim, value);
    authorizer.put("claims", claims);
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
  }

  /** Sets up and confirms TOTP for the events' user, as the app does. */
  private static void enableTotp(ApiFunctionHarness function) {
    Map<String, Object> setup = json(function.invoke("enrollment/start-totp.json"));
    function.invoke(
        event(
            "enrollment/confirm-totp.json",
            "{\"code\":\"" + code((String) setup.get("secret")) + "\"}"));
  }

  @Test
  void totp_startThenConfirmWithACodeOfTheReturnedSecretEnablesTwoFactor() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      Map<String, Object> setup = json(function.invoke("enrollment/start-totp.json"));
      assertThat((String) setup.get("otpauthUri"))
          .startsWith(
              "otpauth://totp/Two-Factor:alice%40example.com?secret=" + setup.get("secret"));
      assertThat((String) setup.get("qrCode")).startsWith("data:image/svg+xml;base64,");

      APIGatewayProxyResponseEvent confirmed =
          function.invoke(
              event(
                  "enrollment/confirm-totp.json",
                  "{\"code\":\"" + code((String) setup.get("secret")) + "\"}"));

      assertThat(confirmed.getStatusCode()).isEqualTo(200);
      assertThat(json(confirmed)).containsEntry("enabled", true);
      assertThat(json(function.invoke("enrollment/get-status.json")))
          .extractingByKey("methods")
          .asString()
          .contains("status=active");
    }
  }

  @Test
  void totp_startWhileActiveAnswersAlreadyEnabled() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      enableTotp(function);

      APIGatewayProxyResponseEvent again = function.invoke("enrollment/start-totp.json");

      assertThat(again.getStatusCode()).isEqualTo(409);
      assertThat(json(again)).containsEntry("code", "already_enabled");
    }
  }

  @Test
  void totp_startWithAVeryLongEmailAnswersASetUpWhoseQrCodeFits() {
    // Plus-addressed: every "+" is three characters once percent-encoded in the otpauth URI.
    String email = "a+".repeat((2_200 - "@example.com".length()) / 2) + "@example.com";
    assertThat(email).hasSize(2_200);
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      APIGatewayProxyRequestEvent start = event("enrollment/start-totp.json");
      withClaim(start, "email", email);

      APIGatewayProxyResponseEvent response = function.invoke(start);

      assertThat(response.getStatusCode()).isEqualTo(200);
      Map<String, Object> setup = json(response);
      assertThat((String) setup.get("otpauthUri"))
          .startsWith("otpauth://totp/Two-Factor:a%2Ba%2B")
          .contains("?secret=" + setup.get("secret"))
          .hasSizeLessThan(400);
      assertThat((String) setup.get("qrCode")).startsWith("data:image/svg+xml;base64,");
      APIGatewayProxyResponseEvent confirmed =
          function.invoke(
              event(
                  "enrollment/confirm-totp.json",
                  "{\"code\":\"" + code((String) setup.get("secret")) + "\"}"));
      assertThat(json(confirmed)).containsEntry("enabled", true);
    }
  }

  /** Gives the events' user an active phone and a live sign-in code; returns the code. */
  private static String smsOnlyUserWithSignInCode(ApiFunctionHarness function) {
    String phone = "+12015550166";
    var context = function.context();
    context.getBean(SmsEnrollmentService.class).start(ALICE, phone, Optional.empty());
    InMemorySmsOutbox outbox = context.getBean(InMemorySmsOutbox.class);
    context.getBean(SmsEnrollmentService.class).confirm(ALICE, outbox.lastCodeTo(phone));
    TwoFactorStore store = context.getBean(TwoFactorStore.class);
    store.save(store.load(ALICE).toBuilder().smsSentAt(List.of()).build());
    context.getBean(SmsSignInService.class).sendSignInCode(ALICE, ALICE);
    return outbox.lastCodeTo(phone);
  }

  @Test
  void totp_aStolenSessionCannotAddAnAppToAnSmsOnlyAccountWithoutAProof() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      smsOnlyUserWithSignInCode(function);

      APIGatewayProxyResponseEvent response =
          function.invoke("enrollment/start-totp-while-sms-active-without-verification.json");

      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(json(response)).containsEntry("code", "invalid_request");
      assertThat(Responses.errorFields(json(response))).contains("verification");
      assertThat(function.context().getBean(TwoFactorStore.class).load(ALICE).pendingTotp())
          .isNull();
    }
  }

  @Test
  void totp_aWrongProofAnswersInvalidCodeAndARightOneStartsTheSetUp() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      String code = smsOnlyUserWithSignInCode(function);
      String wrong = code.equals("000000") ? "000001" : "000000";

      APIGatewayProxyResponseEvent refused =
          function.invoke(
              event(
                  "enrollment/start-totp-with-verification.json",
                  "{\"verification\":{\"method\":\"sms\",\"code\":\"" + wrong + "\"}}"));
      APIGatewayProxyResponseEvent started =
          function.invoke(
              event(
                  "enrollment/start-totp-with-verification.json",
                  "{\"verification\":{\"method\":\"sms\",\"code\":\"" + code + "\"}}"));

      assertThat(refused.getStatusCode()).isEqualTo(400);
      assertThat(json(refused)).containsEntry("code", "invalid_code");
      assertThat(started.getStatusCode()).isEqualTo(200);
      assertThat(json(started)).containsKeys("secret", "otpauthUri", "qrCode", "expiresAt");
    }
  }

  @Test
  void sms_aStolenSessionCannotAddItsPhoneToATotpOnlyAccountWithoutAProof() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      enableTotp(function);

      APIGatewayProxyResponseEvent response =
          function.invoke("enrollment/start-sms-while-totp-active-without-verification.json");

      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(json(response)).containsEntry("code", "invalid_request");
      assertThat(Responses.errorFields(json(response))).contains("verification");
      assertThat(function.context().getBean(InMemorySmsOutbox.class).messages()).isEmpty();
    }
  }

  @Test
  void devUserHeader_isIgnoredOnLambdaWithoutAuthorizerClaims() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      APIGatewayProxyRequestEvent event =
          event("enrollment/get-status-without-authorizer-claims.json");
      assertThat(event.getHeaders()).containsKey("X-Dev-User");

      APIGatewayProxyResponseEvent response = function.invoke(event);

      assertThat(response.getStatusCode()).isEqualTo(401);
      assertThat(json(response)).containsEntry("code", "unauthenticated");
    }
  }

  @Test
  void status_ofOneUserNeverShowsAnothersState() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      enableTotp(function);

      APIGatewayProxyResponseEvent bob =
          function.invoke(asUser(event("enrollment/get-status.json"), "bob-sub"));

      assertThat(json(bob)).containsEntry("enabled", false);
      assertThat(json(function.invoke(asUser(event("enrollment/get-status.json"), ALICE))))
          .containsEntry("enabled", true);
    }
  }

  @Test
  void start_failsClosedWith503WhenKmsIsDown() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      aws.faults.fail("Encrypt");

      APIGatewayProxyResponseEvent response = function.invoke("enrollment/start-totp.json");

      assertThat(response.getStatusCode()).isEqualTo(503);
      assertThat(json(response)).containsEntry("code", "dependency_unavailable");
      assertThat(Responses.header(response, "Retry-After")).hasValue("1");
      aws.faults.clear();
      assertThat(json(function.invoke("enrollment/get-status.json")))
          .extractingByKey("methods")
          .asString()
          .contains("status=none");
    }
  }

  @Test
  void status_costsTheStateReadAndTheMembershipQueryThroughTheHandler() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      function.invoke("enrollment/get-status.json");
      aws.calls.reset();

      assertThat(function.invoke("enrollment/get-status.json").getStatusCode()).isEqualTo(200);

      // A user in no org: no batch read of orgs (with orgs: one BatchGetItem more, at most 3).
      assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.Query");
    }
  }
}
