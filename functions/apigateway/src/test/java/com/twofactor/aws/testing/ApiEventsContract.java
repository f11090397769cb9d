package com.twofactor.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every file of {@code events/<function>/} (the files `sam local invoke` uses) through the
 * function's Lambda handler, on fresh in-memory state, and checks the answer it gets: its status,
 * for an error its problem {@code code}, and (through {@link ApiFunctionHarness}) that request and
 * answer have the shape openapi.yaml documents. A new event file without an expected answer fails
 * the build, so none goes unchecked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ApiEventsContract {

  /** The folder under {@code events/}. */
  protected abstract String function();

  /**
   * Each event file's name and the answer it must get: on fresh state, or on the state {@link
   * #given} prepares for it.
   */
  protected abstract Map<String, Expected> expectedAnswers();

  /**
   * What an event file must get: a status, for an error answer the problem's code, and for an
   * invalid request (when given) exactly the fields its {@code errors} name.
   */
  protected record Expected(int status, String code, List<String> fields) {
    @Override
    public String toString() {
      return (code == null ? Integer.toString(status) : status + " " + code)
          + (fields.isEmpty() ? "" : " " + fields);
    }
  }

  /**
   * A successful answer (below 400) with {@code status}; its body is checked against openapi.yaml.
   */
  protected static Expected answer(int status) {
    if (status >= 400) {
      throw new IllegalArgumentException("an error answer names its code: use problem()");
    }
    return new Expected(status, null, List.of());
  }

  /** A problem+json answer with {@code status} and the error {@code code}. */
  protected static Expected problem(int status, String code) {
    if (status < 400) {
      throw new IllegalArgumentException("a problem has an error status");
    }
    return new Expected(status, code, List.of());
  }

  /** A 400 {@code invalid_request} whose {@code errors} name exactly {@code fields}. */
  protected static Expected invalid(String... fields) {
    return new Expected(400, "invalid_request", List.of(fields));
  }

  /**
   * Prepares the state an event file's name promises (such as "while SMS is active") on the
   * function's in-memory ports before the file runs; nothing by default.
   */
  protected void given(String file, ApplicationContext context) {}

  /** The events that carry an {@code Origin} header, as a browser's requests do. */
  Stream<Arguments> eventsFromABrowser() {
    return events()
        .filter(
            a ->
                requestHeader(ApiFunctionHarness.event(function() + "/" + a.get()[0]), "Origin")
                    != null);
  }

  Stream<Arguments> events() {
    return expectedAnswers().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue().status()));
  }

  Stream<Arguments> answers() {
    return expectedAnswers().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("answers")
  void event_getsItsAnswer(String file, Expected expected) {
    int status = expected.status();
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      given(file, function.context());
      APIGatewayProxyRequestEvent event = ApiFunctionHarness.event(function() + "/" + file);
      APIGatewayProxyResponseEvent response = function.invoke(event);

      assertThat(response.getStatusCode()).isEqualTo(status);
      if (status >= 400) {
        assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
        assertThat(ApiFunctionHarness.json(response))
            .containsEntry("status", status)
            .containsEntry("code", expected.code())
            .containsKeys("type", "title", "detail");
        assertThat(response.getBody()).doesNotContain("Exception", "at com.", "at io.");
      }
      if (!expected.fields().isEmpty()) {
        assertThat(Responses.errorFields(ApiFunctionHarness.json(response)))
            .isEqualTo(List.copyOf(expected.fields()));
      }
    }
  }

  /**
   * CORS through the Lambda handler: an event from the allowed origin gets that origin back (and
   * for a preflight the methods and headers a browser asked for); any other origin gets no CORS
   * header at all, whatever the status.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("eventsFromABrowser")
  void event_carriesCorsHeadersForTheAllowedOriginOnly(String file, int status) {
    APIGatewayProxyRequestEvent event = ApiFunctionHarness.event(function() + "/" + file);
    String origin = requestHeader(event, "Origin");
    try (ApiFunctionHarness function = ApiFunctionHarness.inMemory()) {
      APIGatewayProxyResponseEvent response = function.invoke(event);

      if (ApiFunctionHarness.ALLOWED_ORIGIN.equals(origin)) {
        assertThat(Responses.header(response, "Access-Control-Allow-Origin")).hasValue(origin);
        assertThat(Responses.header(response, "Vary"))
            .hasValueSatisfying(v -> assertThat(v).containsIgnoringCase("Origin"));
        assertThat(Responses.header(response, "Access-Control-Allow-Credentials")).isEmpty();
        if ("OPTIONS".equals(event.getHttpMethod())) {
          assertThat(response.getStatusCode()).isEqualTo(200);
          assertThat(Responses.header(response, "Access-Control-Allow-Methods"))
              .hasValue(requestHeader(event, "Access-Control-Request-Method"));
          assertThat(Responses.header(response, "Access-Control-Allow-Headers"))
              .hasValueSatisfying(
                  v -> assertThat(v.toLowerCase()).contains("authorization", "content-type"));
        } else {
          assertThat(Responses.header(response, "Access-Control-Expose-Headers"))
              .hasValue("Retry-After");
        }
      } else {
        assertThat(Responses.header(response, "Access-Control-Allow-Origin")).isEmpty();
        assertThat(Responses.header(response, "Access-Control-Allow-Methods")).isEmpty();
        assertThat(Responses.header(response, "Access-Control-Expose-Headers")).isEmpty();
      }
    }
  }

  private static String requestHeader(APIGatewayProxyRequestEvent event, String name) {
    return event.getHeaders() == null
        ? null
        : event.getHeaders().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase(name))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(null);
  }

  /**
   * The event is a request openapi.yaml documents: its route always, and its path, query, headers
   * and body too unless the event exists to show a refusal of invalid input (400) or of an unknown
   * route (404 on a route the document does not have). An event that is no HTTP request at all (no
   * method or path, a broken URI, a body that is not the base64 it claims) must be refused with
   * 400.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("events")
  void event_isARequestTheDocumentDescribes(String file, int status) {
    APIGatewayProxyRequestEvent event = ApiFunctionHarness.event(function() + "/" + file);
    if (!ApiFunctionHarness.isHttpRequest(event)) {
      assertThat(status).as("%s is no HTTP request: it must be refused", file).isEqualTo(400);
      return;
    }
    OpenApiContract contract = OpenApiContract.document();
    if (OpenApiContract.isCorsPreflight(event.getHttpMethod(), event.getHeaders())) {
      // A CORS preflight is the browser's question about an operation, not one itself.
      assertThat(
              contract.documents(
                  requestHeader(event, "Access-Control-Request-Method"), event.getPath()))
          .as("%s asks about an operation openapi.yaml documents", file)
          .isTrue();
      return;
    }
    boolean documented = contract.documents(event.getHttpMethod(), event.getPath());

    if (!documented) {
      assertThat(status).as("%s is on a route openapi.yaml does not document", file).isEqualTo(404);
    } else if (status != 400) {
      contract.assertValidRequest(ApiFunctionHarness.exchange(event, null));
    }
  }

  @Test
  void everyEventFileIsChecked() throws IOException {
    Path dir = Path.of(System.getProperty("events.dir"), function());
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(expectedAnswers().keySet());
    }
  }
}
