package com.twofactor.backupcodes;

import static com.twofactor.aws.testing.ApiFunctionHarness.event;
import static com.twofactor.aws.testing.ApiFunctionHarness.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.testing.ApiFunctionHarness;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The backup-codes function through its Lambda handler. */
@Tag("dynalite")
class BackupCodesFunctionTest {
  private static final String ALICE = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  private byte[] secret;

  /** Enrolls Alice (the user of the event files); returns her first backup codes. */
  private List<String> enrollAlice(ApiFunctionHarness function) {
    TotpEnrollmentService enrollment = function.context().getBean(TotpEnrollmentService.class);
    secret = Base32.decode(enrollment.start(ALICE, "alice").secret());
    return enrollment.confirm(ALICE, TotpCodes.at(secret, Instant.now())).newBackupCodes();
  }

  private String totpProof() {
    return "{\"verification\":{\"method\":\"totp\",\"code\":\""
        + TotpCodes.nextAfter(secret, Instant.now())
        + "\"}}";
  }

  private static String code(String code) {
    return "{\"code\":\"" + code + "\"}";
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> codes(APIGatewayProxyResponseEvent response) {
    return (List<Map<String, Object>>) json(response).get("codes");
  }

  @Test
  void consume_acceptsACodeOnceAndSaysHowManyRemain() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      List<String> codes = enrollAlice(function);

      APIGatewayProxyResponseEvent first =
          function.invoke(event("backup-codes/consume.json", code(codes.get(2).toUpperCase())));
      APIGatewayProxyResponseEvent again =
          function.invoke(event("backup-codes/consume.json", code(codes.get(2))));

      assertThat(first.getStatusCode()).isEqualTo(200);
      assertThat(json(first))
          .containsEntry("verified", true)
          .containsEntry("method", "backup_code")
          .containsEntry("remaining", 9);
      assertThat(again.getStatusCode()).isEqualTo(400);
      assertThat(json(again)).containsEntry("code", "invalid_code");
    }
  }

  @Test
  void reveal_showsTheCodesWithUsedFlags() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      List<String> codes = enrollAlice(function);
      function.invoke(event("backup-codes/consume.json", code(codes.get(0))));

      APIGatewayProxyResponseEvent revealed =
          function.invoke(event("backup-codes/reveal.json", totpProof()));

      assertThat(revealed.getStatusCode()).isEqualTo(200);
      assertThat(json(revealed)).containsEntry("remaining", 9);
      assertThat(codes(revealed)).extracting(c -> c.get("code")).containsExactlyElementsOf(codes);
      assertThat(codes(revealed).get(0)).containsEntry("used", true);
      assertThat(codes(revealed).get(1)).containsEntry("used", false);
    }
  }

  @Test
  void regenerate_replacesTheSetAndTheOldCodesStopWorking() {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      List<String> old = enrollAlice(function);

      APIGatewayProxyResponseEvent fresh =
          function.invoke(event("backup-codes/regenerate.json", totpProof()));

      assertThat(fresh.getStatusCode()).isEqualTo(200);
      assertThat(codes(fresh)).hasSize(10).noneMatch(c -> old.contains((String) c.get("code")));
      assertThat(
              function.invoke(event("backup-codes/consume.json", code(old.get(1)))).getStatusCode())
          .isEqualTo(400);
      assertThat(
              function
                  .invoke(
                      event(
                          "backup-codes/consume.json",
                          code((String) codes(fresh).get(1).get("code"))))
                  .getStatusCode())
          .isEqualTo(200);
    }
  }

  @Test
  void consume_costsOneReadAndOneWriteAndNoKms() {
    try (AwsTestContext aws = new AwsTestContext();
        ApiFunctionHarness function = ApiFunctionHarness.onAws(aws)) {
      List<String> codes = enrollAlice(function);
      aws.calls.reset();

      APIGatewayProxyResponseEvent response =
          function.invoke(event("backup-codes/consume.json", code(codes.get(4))));

      assertThat(response.getStatusCode()).isEqualTo(200);
      assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
    }
  }
}
