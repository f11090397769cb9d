package com.twofactor.enrollment;

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

/**
 * Every file of events/enrollment, the ones `sam local invoke` uses, through the Lambda handler.
 */
class EnrollmentEventsTest {
  /** Each event of a fresh user and the status it must get. */
  private static final Map<String, Integer> EXPECTED =
      Map.of(
          "get-status.json", 200,
          "get-status-without-authorizer-claims.json", 401,
          "start-totp.json", 200,
          "confirm-totp.json", 409,
          "confirm-totp-malformed-code.json", 400,
          "confirm-totp-missing-code.json", 400,
          "confirm-totp-malformed-json.json", 400,
          "unknown-route.json", 404);

  static Stream<Arguments> events() {
    return EXPECTED.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("events")
  void event_getsItsStatus(String file, int status) {
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      APIGatewayProxyResponseEvent response = function.invoke("enrollment/" + file);

      assertThat(response.getStatusCode()).isEqualTo(status);
      if (status >= 400) {
        assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
        assertThat(ApiFunctionHarness.json(response))
            .containsEntry("status", status)
            .containsKey("code")
            .doesNotContainKey("stackTrace");
        assertThat(response.getBody()).doesNotContain("Exception", "at com.", "at io.");
      }
    }
  }

  @Test
  void everyEventFileIsChecked() throws IOException {
    Path dir = Path.of(System.getProperty("events.dir"), "enrollment");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }
  }
}
