package com.twofactor.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.testing.ApiFunctionHarness;
import com.twofactor.aws.testing.Responses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file of events/verification through the Lambda handler, for a user without 2FA. */
class VerificationEventsTest {
  private static final Map<String, Integer> EXPECTED =
      Map.of(
          "verify-totp.json", 400,
          "verify-unknown-method.json", 400,
          "verify-backup-code-method-on-self-service.json", 400,
          "verify-without-authorizer-claims.json", 401,
          "internal-verify-totp.json", 400,
          "internal-verify-without-iam-caller.json", 403);

  static Stream<Arguments> events() {
    return EXPECTED.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("events")
  void event_getsItsStatus(String file, int status) {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      APIGatewayProxyResponseEvent response = function.invoke("verification/" + file);

      assertThat(response.getStatusCode()).isEqualTo(status);
      assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
      assertThat(response.getBody()).doesNotContain("Exception", "at com.", "at io.");
    }
  }

  @Test
  void everyEventFileIsChecked() throws IOException {
    Path dir = Path.of(System.getProperty("events.dir"), "verification");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }
  }
}
