package com.twofactor.aws.contract;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.OpenApiContract;
import com.twofactor.aws.testing.OpenApiContract.Exchange;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The oracle itself: answers that stray from openapi.yaml in status, header, content type, error
 * code or body shape are refused, so a passing handler or dev-server test means a documented
 * answer.
 */
@Tag("unit")
class OpenApiContractTest {
  private static final OpenApiContract DOCUMENT = OpenApiContract.document();
  private static final String JSON = "application/json";
  private static final String PROBLEM = "application/problem+json";
  private static final String STATUS =
      """
      {"enabled":false,"methods":{"totp":{"status":"none","confirmedAt":null},
       "sms":{"status":"none","phoneHint":null,"confirmedAt":null}},
       "backupCodes":{"remaining":0,"total":0,"generatedAt":null,"runningLow":false},
       "requiredBy":[],"lockedUntil":null}""";

  private static Exchange answer(
      String method, String path, int status, Map<String, List<String>> headers, String body) {
    return new Exchange(method, URI.create(path), Map.of(), null, status, headers, body);
  }

  private static Map<String, List<String>> contentType(String type) {
    return Map.of("Content-Type", List.of(type));
  }

  private static String problem(int status, String code) {
    return "{\"type\":\"https://twofactor.dev/problems/%s\",\"title\":\"t\",\"status\":%d,\"detail\":\"d\",\"code\":\"%s\"}"
        .formatted(code, status, code);
  }

  @Test
  void aDocumentedAnswerPasses() {
    assertThatCode(
            () ->
                DOCUMENT.assertDocumentedAnswer(
                    answer("GET", "/two-factor", 200, contentType(JSON), STATUS)))
        .doesNotThrowAnyException();
  }

  @Test
  void anUndocumentedStatusFails() {
    assertUndocumented(
        answer("GET", "/two-factor", 409, contentType(PROBLEM), problem(409, "last_owner")),
        "validation.response.status.unknown");
  }

  @Test
  void aBodyFieldTheSchemaDoesNotDeclareFails() {
    String leaky = STATUS.replace("\"enabled\":false", "\"enabled\":false,\"secret\":\"JBSW\"");

    assertUndocumented(answer("GET", "/two-factor", 200, contentType(JSON), leaky), "secret");
  }

  @Test
  void aMissingRequiredFieldFails() {
    String partial = STATUS.replace(",\"lockedUntil\":null", "");

    assertUndocumented(
        answer("GET", "/two-factor", 200, contentType(JSON), partial), "lockedUntil");
  }

  @Test
  void aProblemWithAnExtraFieldFailsThoughItsSchemaIsAComposition() {
    String body = problem(401, "unauthenticated").replace("}", ",\"stack\":\"at com.x\"}");

    assertUndocumented(answer("GET", "/two-factor", 401, contentType(PROBLEM), body), "stack");
  }

  @Test
  void anErrorCodeNotListedForThatStatusFails() {
    assertUndocumented(
        answer("GET", "/two-factor", 401, contentType(PROBLEM), problem(401, "invalid_code")),
        "invalid_code");
  }

  @Test
  void aTooManyAttemptsAnswerWithoutRetryAfterFails() {
    String body = problem(429, "too_many_attempts");

    assertThatCode(
            () ->
                DOCUMENT.assertDocumentedAnswer(
                    answer(
                        "POST",
                        "/two-factor/verify",
                        429,
                        Map.of("Content-Type", List.of(PROBLEM), "Retry-After", List.of("900")),
                        body)))
        .doesNotThrowAnyException();
    assertUndocumented(
        answer("POST", "/two-factor/verify", 429, contentType(PROBLEM), body), "Retry-After");
  }

  @Test
  void anUndocumentedContentTypeFails() {
    assertUndocumented(
        answer("GET", "/two-factor", 401, contentType(JSON), problem(401, "unauthenticated")),
        "contentType");
  }

  @Test
  void anUndocumentedRouteMayOnlyAnswerNotFound() {
    assertThatCode(
            () ->
                DOCUMENT.assertDocumentedAnswer(
                    answer(
                        "GET", "/nowhere", 404, contentType(PROBLEM), problem(404, "not_found"))))
        .doesNotThrowAnyException();
    assertUndocumented(
        answer("GET", "/nowhere", 200, contentType(JSON), "{}"),
        "documents no operation GET /nowhere");
  }

  @Test
  void aRequestMissingARequiredFieldFails() {
    Exchange request =
        new Exchange(
            "POST",
            URI.create("/two-factor/verify"),
            contentType(JSON),
            "{\"code\":\"123456\"}",
            0,
            Map.of(),
            null);

    assertThatThrownBy(() -> DOCUMENT.assertValidRequest(request))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("method");
  }

  /** {@code answer} is not one openapi.yaml documents, for the reason {@code expected} names. */
  private static void assertUndocumented(Exchange answer, String expected) {
    assertThatThrownBy(() -> DOCUMENT.assertDocumentedAnswer(answer))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(expected);
  }
}
