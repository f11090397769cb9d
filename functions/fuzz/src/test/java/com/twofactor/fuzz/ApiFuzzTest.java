package com.twofactor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;

/**
 * API Gateway events from fuzz input through {@code ApiGatewayHandler}, the handler of every API
 * function, with all five functions' routes on in-memory ports. For every input: nothing escapes
 * the handler, no 5xx but the 503 of a store the input made fail, every error is a problem
 * document, and no secret of the victim user (TOTP secret, phone number, backup codes) nor any code
 * texted shows in the answer or in a log line.
 */
@Tag("fuzz")
class ApiFuzzTest {
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}]+}");
  private static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD");
  private static final List<String> FIELDS =
      List.of(
          "code",
          "method",
          "phoneNumber",
          "verification",
          "role",
          "required",
          "gracePeriodHours",
          "name",
          "action",
          "userId");

  /** A whole event as JSON, mutated: the corpus holds every API event file of events/. */
  @FuzzTest(maxDuration = "5m")
  void apiEvent(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    APIGatewayProxyRequestEvent event;
    try {
      event =
          LambdaEventSerializers.serializerFor(
                  APIGatewayProxyRequestEvent.class, ApiFuzzTest.class.getClassLoader())
              .fromJson(json);
    } catch (RuntimeException unreadable) {
      return; // The Lambda runtime refuses it before any handler runs.
    }
    check(event, false, json);
  }

  /** A request built field by field: a real route, claims, headers, a body of mutated JSON. */
  @FuzzTest(maxDuration = "5m")
  void apiRequest(FuzzedDataProvider data) {
    FuzzWorld world = FuzzWorld.get();
    boolean storeFails = data.consumeInt(0, 15) == 0;
    String[] route = data.pickValue(world.routes).split(" ", 2);
    String method = data.consumeInt(0, 9) == 0 ? data.pickValue(METHODS) : route[0];
    String path = expand(route[1], data);
    APIGatewayProxyRequestEvent event =
        ApiEvents.request(method, path, body(data), claim(data, FuzzWorld.VICTIM));
    if (data.consumeInt(0, 7) == 0) {
      event.getRequestContext().setAuthorizer(null);
    }
    if (data.consumeBoolean()) {
      event.getRequestContext().getIdentity().setUserArn("arn:aws:iam::123456789012:role/backend");
    }
    Map<String, String> headers = new HashMap<>(event.getHeaders());
    switch (data.consumeInt(0, 4)) {
      case 0 -> headers.remove("Content-Type");
      case 1 -> headers.put("Content-Type", data.consumeString(40));
      case 2 -> headers.put(data.consumeString(20), data.consumeString(40));
      default -> {}
    }
    event.setHeaders(headers);
    event.setMultiValueHeaders(ApiEvents.multi(headers));
    if (data.consumeInt(0, 5) == 0) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put(
          data.pickValue(List.of("limit", "cursor", "twoFactor", "x")), data.consumeString(30));
      event.setQueryStringParameters(query);
      Map<String, List<String>> multi = new HashMap<>();
      query.forEach((k, v) -> multi.put(k, List.of(v)));
      event.setMultiValueQueryStringParameters(multi);
    }
    if (event.getBody() != null && data.consumeInt(0, 7) == 0) {
      event.setIsBase64Encoded(true);
      if (data.consumeBoolean()) {
        event.setBody(
            Base64.getEncoder().encodeToString(event.getBody().getBytes(StandardCharsets.UTF_8)));
      }
    }
    check(event, storeFails, event.toString());
  }

  private static String expand(String template, FuzzedDataProvider data) {
    if (data.consumeInt(0, 15) == 0) {
      return data.consumeString(80);
    }
    Matcher variables = TEMPLATE_VARIABLE.matcher(template);
    StringBuilder path = new StringBuilder();
    while (variables.find()) {
      String value =
          switch (data.consumeInt(0, 3)) {
            case 0 -> FuzzWorld.VICTIM;
            case 1 -> "org-" + data.consumeInt(0, 3);
            default -> data.consumeString(40);
          };
      variables.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    variables.appendTail(path);
    return path.toString();
  }

  /** A claim value of any JSON type, or none (null): mostly the victim. */
  static Object claim(FuzzedDataProvider data, String usual) {
    return switch (data.consumeInt(0, 9)) {
      case 0 -> null;
      case 1 -> "   ";
      case 2 -> data.consumeInt();
      case 3 -> Map.of("sub", usual);
      case 4 -> List.of(usual);
      case 5 -> data.consumeString(60);
      default -> usual;
    };
  }

  private static String body(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 5)) {
      case 0:
        return null;
      case 1:
        return data.consumeString(200);
      default:
        Map<String, Object> object = new LinkedHashMap<>();
        int fields = data.consumeInt(0, 4);
        for (int i = 0; i < fields; i++) {
          object.put(data.pickValue(FIELDS), value(data, 2));
        }
        return ApiEvents.write(object);
    }
  }

  private static Object value(FuzzedDataProvider data, int depth) {
    switch (data.consumeInt(0, depth > 0 ? 8 : 6)) {
      case 0:
        return null;
      case 1:
        return data.consumeBoolean();
      case 2:
        return data.consumeLong();
      case 3:
        return data.pickValue(List.of("totp", "sms", "backup_code", "owner", "member", "send_sms"));
      case 4:
        return String.format("%06d", data.consumeInt(0, 999_999));
      case 5:
        return "+1201555" + String.format("%04d", data.consumeInt(0, 9999));
      case 6:
        return data.consumeString(60);
      case 7:
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put(data.pickValue(FIELDS), value(data, depth - 1));
        nested.put(data.pickValue(FIELDS), value(data, depth - 1));
        return nested;
      default:
        List<Object> list = new ArrayList<>();
        list.add(value(data, depth - 1));
        return list;
    }
  }

  /** Runs one event and checks every property; {@code input} is what the caller sent. */
  static void check(APIGatewayProxyRequestEvent event, boolean storeFails, String input) {
    FuzzWorld world = FuzzWorld.get();
    world.begin(storeFails);
    APIGatewayProxyResponseEvent response;
    try {
      response = world.api.handleRequest(event, new MockLambdaContext());
    } finally {
      world.end();
    }
    assertThat(response).isNotNull();
    int status = response.getStatusCode();
    String body = response.getBody();
    // JSON whose first value is null reads as no event; the handler must still answer.
    String request =
        event == null
            ? "(no event)"
            : event.getHttpMethod() + " " + event.getPath() + " " + event.getHeaders();
    if (status >= 500) {
      assertThat(status == 503 && storeFails)
          .as(
              "%s: %d without an injected store failure: %s; log: %s",
              request,
              status,
              body,
              world.logLines().stream().map(l -> l.getFormattedMessage()).toList())
          .isTrue();
    }
    if (status >= 400) {
      assertThat(ApiEvents.header(response, "Content-Type"))
          .as("%s: content type of a %d", request, status)
          .isEqualTo("application/problem+json");
      if (event != null && "HEAD".equals(event.getHttpMethod())) {
        // HTTP: an answer to HEAD has no content, a problem document included. Methods are
        // case-sensitive: "hEAD" is not HEAD (the guard refuses it with a problem document).
        assertThat(body).as("%s: a body", request).isNullOrEmpty();
        world.assertNoSecretIn("answer headers", String.valueOf(response.getHeaders()), input);
        world.assertLogsClean(input);
        return;
      }
      Optional<Map<String, Object>> problem = ApiEvents.json(response);
      assertThat(problem)
          .as("%s: a %d answer is a JSON object: %s", request, status, body)
          .isPresent();
      assertThat(problem.get())
          .containsKeys("type", "title", "detail", "code")
          .containsEntry("status", status);
      assertThat(body).doesNotContain("Exception", "\tat ");
    }
    world.assertNoSecretIn("answer", body, input);
    world.assertNoSecretIn(
        "answer headers", response.getHeaders() + " " + response.getMultiValueHeaders(), input);
    world.assertLogsClean(input);
  }
}
