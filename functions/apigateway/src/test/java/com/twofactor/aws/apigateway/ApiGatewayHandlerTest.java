package com.twofactor.aws.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.aws.testing.Responses;
import com.twofactor.core.service.StatusService;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The guard around Micronaut's API Gateway function: what reaches the client and the log. */
@Tag("unit")
class ApiGatewayHandlerTest {
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private ApiGatewayHandler handler;

  @BeforeEach
  void start() {
    logs.start();
    logger.addAppender(logs);
    handler =
        new ApiGatewayHandler(
            ApplicationContext.builder()
                .properties(
                    Map.of("two-factor.ports", "in-memory", "test.unexpected-failure", "true"))
                .start());
  }

  @AfterEach
  void stop() {
    logger.detachAppender(logs);
    handler.close();
  }

  private static APIGatewayProxyRequestEvent get(String path) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setAuthorizer(Map.of("claims", Map.of("sub", "user-1")));
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod("GET")
        .withPath(path)
        .withResource(path)
        .withHeaders(Map.of("Accept", "application/json"))
        .withRequestContext(context);
  }

  private APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
    return handler.handleRequest(event, new MockLambdaContext());
  }

  private static Map<String, Object> json(APIGatewayProxyResponseEvent response)
      throws IOException {
    return ObjectMapper.getDefault()
        .readValue(response.getBody(), Argument.mapOf(String.class, Object.class));
  }

  @Test
  void anInvocationLeavesNoBeanOfItsLambdaContext() {
    invoke(get("/two-factor"));

    assertThat(handler.getApplicationContext().containsBean(Context.class)).isFalse();
  }

  @Test
  void theLambdaContext_buildsSingletonsOnFirstUse_notAtStart() {
    try (ApplicationContext lambda =
        handler
            .newApplicationContextBuilder()
            .properties(
                Map.of("two-factor.ports", "in-memory", "two-factor.priming.at-init", "false"))
            .start()) {
      assertThat(lambda.getEnvironment().getActiveNames()).contains("lambda", "function");
      assertThat(lambda.getActiveBeanRegistrations(StatusService.class)).isEmpty();

      lambda.getBean(StatusService.class);

      assertThat(lambda.getActiveBeanRegistrations(StatusService.class)).hasSize(1);
    }
  }

  @Test
  void anUnexpectedErrorIsA500ProblemWithAFixedDetailAndOneLogLine() throws IOException {
    APIGatewayProxyResponseEvent response = invoke(get("/test/unexpected"));

    assertThat(response.getStatusCode()).isEqualTo(500);
    assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
    assertThat(json(response))
        .containsEntry("code", "internal_error")
        .containsEntry("status", 500)
        .containsEntry("detail", "The request could not be completed; nothing was changed.");
    assertThat(response.getBody()).doesNotContain("123456", "+1201", "LinkageError", "at com.");
    assertThat(logs.list).as("log lines").hasSize(1);
    assertThat(logs.list.get(0).getFormattedMessage())
        .contains("internal_error", "LinkageError")
        .doesNotContain("123456", "+1201");
    assertThat(logs.list.get(0).getThrowableProxy()).isNull();
  }

  @Test
  void aNullEventIsA400Problem() throws IOException {
    APIGatewayProxyResponseEvent response = invoke(null);

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(json(response)).containsEntry("code", "invalid_request");
  }

  @Test
  void aMissingMethodOrPathIsA400ProblemNamingTheField() throws IOException {
    APIGatewayProxyResponseEvent noMethod = invoke(get("/two-factor").withHttpMethod(null));
    APIGatewayProxyResponseEvent noPath = invoke(get("/two-factor").withPath(" "));

    assertThat(noMethod.getStatusCode()).isEqualTo(400);
    assertThat(json(noMethod).get("errors"))
        .isEqualTo(
            List.of(
                Map.of(
                    "field",
                    "httpMethod",
                    "message",
                    "httpMethod is missing or not one API Gateway sends")));
    assertThat(noPath.getStatusCode()).isEqualTo(400);
    assertThat(Responses.errorFields(json(noPath))).contains("path");
    assertThat(logs.list).hasSize(2).allMatch(e -> e.getThrowableProxy() == null);
  }

  /** Methods are case-sensitive: {@code hEAD} is not HEAD, and its refusal has a body. */
  @Test
  void aMethodApiGatewayNeverSendsIsA400ProblemWithItsDocument() throws IOException {
    for (String method : List.of("hEAD", "get", "TRACE", "CONNECT", "")) {
      APIGatewayProxyResponseEvent response = invoke(get("/two-factor").withHttpMethod(method));

      assertThat(response.getStatusCode()).as(method).isEqualTo(400);
      assertThat(Responses.errorFields(json(response))).as(method).containsExactly("httpMethod");
    }
  }

  @Test
  void aBodyMarkedBase64ThatIsNotIsA400Problem() throws IOException {
    APIGatewayProxyResponseEvent response =
        invoke(get("/test/unexpected").withBody("not base64 !").withIsBase64Encoded(true));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(Responses.errorFields(json(response))).contains("body");
  }

  @Test
  void aPathTheRouterCannotReadIsA400Problem() throws IOException {
    for (String path : List.of("/orgs/%/members/x", "/two-factor%", "/two-factor/%zz")) {
      APIGatewayProxyResponseEvent response = invoke(get(path));

      assertThat(response.getStatusCode()).as(path).isEqualTo(400);
      assertThat(Responses.errorFields(json(response))).contains("path");
    }
  }

  @Test
  void aPathHoldingAQueryOrFragmentIsA400Problem_notA500() throws IOException {
    for (String path : List.of("/orgs/x?y%b7z", "/two-factor?", "/two-factor#top")) {
      APIGatewayProxyResponseEvent response = invoke(get(path).withHttpMethod("DELETE"));

      assertThat(response.getStatusCode()).as(path).isEqualTo(400);
      assertThat(Responses.errorFields(json(response))).as(path).containsExactly("path");
    }
  }

  @Test
  void anEmptyContentTypeIsA400Problem() throws IOException {
    APIGatewayProxyResponseEvent response =
        invoke(get("/test/unexpected").withHeaders(Map.of("Content-Type", "")));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(Responses.errorFields(json(response))).contains("Content-Type");
  }

  /** Found by ApiFuzzTest: the framework could not build these headers, nor encode its refusal. */
  @Test
  void aHeaderTheFrameworkCannotHoldIsA400Problem_notA500() throws IOException {
    List<Map<String, String>> refused =
        List.of(
            Map.of("!\u0002v", ""),
            Map.of("x forwarded", "a"),
            Map.of("X-Note", "a\nOrigin: https://evil.example"),
            Map.of("X-Note", " leading space"));
    for (Map<String, String> header : refused) {
      APIGatewayProxyRequestEvent event = get("/two-factor");
      Map<String, String> headers = new HashMap<>(event.getHeaders());
      headers.putAll(header);

      APIGatewayProxyResponseEvent single = invoke(event.withHeaders(headers));
      APIGatewayProxyResponseEvent multi =
          invoke(
              get("/two-factor")
                  .withMultiValueHeaders(
                      Map.of(header.keySet().iterator().next(), List.copyOf(header.values()))));

      for (APIGatewayProxyResponseEvent response : List.of(single, multi)) {
        assertThat(response.getStatusCode()).as("header %s", header).isEqualTo(400);
        assertThat(json(response)).containsEntry("code", "invalid_request");
        assertThat(Responses.errorFields(json(response))).contains("headers");
      }
    }
  }

  /** API Gateway never sends a null header value, but an event can hold one: 400, not 500. */
  @Test
  void aNullHeaderValueOrList_isA400Problem() throws IOException {
    Map<String, String> nullValue = new HashMap<>(Map.of("Accept", "application/json"));
    nullValue.put("X-Note", null);
    List<String> nullInList = new ArrayList<>();
    nullInList.add(null);
    Map<String, List<String>> nullList = new HashMap<>();
    nullList.put("X-Note", null);

    List<APIGatewayProxyResponseEvent> responses =
        List.of(
            invoke(get("/two-factor").withHeaders(nullValue)),
            invoke(get("/two-factor").withMultiValueHeaders(Map.of("X-Note", nullInList))),
            invoke(get("/two-factor").withMultiValueHeaders(nullList)));

    for (APIGatewayProxyResponseEvent response : responses) {
      assertThat(response.getStatusCode()).isEqualTo(400);
      assertThat(Responses.errorFields(json(response))).contains("headers");
    }
  }

  /** The router, not the guard, answers: this module's context has no route at that path. */
  @Test
  void headersWithTokenNamesAndEmptyValues_passTheGuard() throws IOException {
    APIGatewayProxyResponseEvent response =
        invoke(
            get("/two-factor")
                .withHeaders(Map.of("Accept", "application/json", "!#$%&'*+.^_`|~v", "")));

    assertThat(response.getStatusCode()).isEqualTo(404);
    assertThat(json(response)).containsEntry("code", "not_found");
  }

  /**
   * Found by ApiFuzzTest: an event without a Host header (API Gateway always sends one) and with a
   * non-local Origin is refused by Micronaut's CORS filter as a drive-by-localhost call, with no
   * body; the client still gets a problem document, with the framework's status.
   */
  @Test
  void anErrorTheFrameworkAnswersWithoutABody_isAProblemDocument() throws IOException {
    APIGatewayProxyRequestEvent event =
        get("/two-factor")
            .withHeaders(Map.of("Accept", "application/json", "Origin", "https://app.example.com"));

    APIGatewayProxyResponseEvent response = invoke(event);

    assertThat(response.getStatusCode()).isEqualTo(403);
    assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
    assertThat(json(response)).containsEntry("code", "forbidden").containsEntry("status", 403);
  }

  @Test
  void aRefusedHeadRequestHasNoBody() {
    APIGatewayProxyResponseEvent response =
        invoke(
            get("/two-factor")
                .withHttpMethod("HEAD")
                .withBody("not base64 !")
                .withIsBase64Encoded(true));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(Responses.header(response, "Content-Type")).hasValue("application/problem+json");
    assertThat(response.getBody()).isNull();
  }

  @Test
  void aSubClaimThatIsNotANonBlankStringIsUnauthenticated() throws IOException {
    for (Object sub : List.of(42, Map.of("id", "user-1"), List.of("user-1"), "  ")) {
      APIGatewayProxyRequestEvent event = get("/test/unexpected");
      event.getRequestContext().setAuthorizer(Map.of("claims", Map.of("sub", sub)));

      APIGatewayProxyResponseEvent response = invoke(event);

      assertThat(response.getStatusCode()).as("sub %s", sub).isEqualTo(401);
      assertThat(json(response)).containsEntry("code", "unauthenticated");
    }
  }
}
