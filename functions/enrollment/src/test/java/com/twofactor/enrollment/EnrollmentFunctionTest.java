package com.twofactor.enrollment;

import static com.twofactor.aws.testing.ApiFunctionHarness.event;
import static com.twofactor.aws.testing.ApiFunctionHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.testing.ApiFunctionHarness;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.Responses;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The enrollment function's behaviour through its Lambda handler. */
class EnrollmentFunctionTest {
  private static final String ALICE = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  private static String code(String base32Secret) {
    return new Totp().codeAt(Base32.decode(base32Secret), Instant.now());
  }

  private static APIGatewayProxyRequestEvent asUser(APIGatewayProxyRequestEvent event, String sub) {
    Map<String, Object> authorizer = new HashMap<>(event.getRequestContext().getAuthorizer());
    @SuppressWarnings("unchecked")
    Map<String, Object> claims = new HashMap<>((Map<String, Object>) authorizer.get("claims"));
    claims.put("sub", sub);
    authorizer.put("claims", claims);
    event.getRequestContext().setAuthorizer(authorizer);
    return event;
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
      Map<String, Object> setup = json(function.invoke("enrollment/start-totp.json"));
      function.invoke(
          event(
              "enrollment/confirm-totp.json",
              "{\"code\":\"" + code((String) setup.get("secret")) + "\"}"));

      APIGatewayProxyResponseEvent again = function.invoke("enrollment/start-totp.json");

      assertThat(again.getStatusCode()).isEqualTo(409);
      assertThat(json(again)).containsEntry("code", "already_enabled");
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
      Map<String, Object> setup = json(function.invoke("enrollment/start-totp.json"));
      function.invoke(
          event(
              "enrollment/confirm-totp.json",
              "{\"code\":\"" + code((String) setup.get("secret")) + "\"}"));

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
