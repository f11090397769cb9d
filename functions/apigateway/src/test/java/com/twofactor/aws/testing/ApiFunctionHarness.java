package com.twofactor.aws.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.twofactor.aws.apigateway.ApiGatewayHandler;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs API Gateway events through the handler class template.yaml names ({@link
 * ApiGatewayHandler}), in-process, as Lambda would: the event files of {@code events/} are loaded
 * with the Lambda runtime's own serialization. Every answer is checked against openapi.yaml ({@link
 * OpenApiContract}), whichever test asked for it.
 */
public final class ApiFunctionHarness implements AutoCloseable {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  /**
   * The browser origin the harness allows, as template.yaml would pass it in through {@code
   * TWO_FACTOR_ALLOWED_ORIGINS}; the event files use it for "an allowed origin".
   */
  public static final String ALLOWED_ORIGIN = "https://app.example.com";

  /**
   * The role the internal event files' callers assume ({@code assumed-role/login-backend/...}),
   * listed as an internal caller in every harness, as InternalCallerRoleArns would list it.
   */
  public static final String INTERNAL_CALLER_ROLE = "arn:aws:iam::123456789012:role/login-backend";

  private static final String INTERNAL_CALLERS = "two-factor.internal-callers.role-arns";

  private final ApiGatewayHandler function;

  private ApiFunctionHarness(ApplicationContext context) {
    this.function = new ApiGatewayHandler(context);
  }

  /** The function on in-memory ports. */
  public static ApiFunctionHarness inMemory() {
    return new ApiFunctionHarness(
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "two-factor.ports",
                    "in-memory",
                    INTERNAL_CALLERS,
                    INTERNAL_CALLER_ROLE,
                    "two-factor.allowed-origins",
                    ALLOWED_ORIGIN))
            .start());
  }

  /** The function on the emulated AWS of {@code aws}, with its interceptors attached. */
  public static ApiFunctionHarness onAws(AwsTestContext aws) {
    Map<String, Object> properties = new HashMap<>(aws.properties());
    properties.putIfAbsent(INTERNAL_CALLERS, INTERNAL_CALLER_ROLE);
    return new ApiFunctionHarness(
        ApplicationContext.builder()
            .properties(properties)
            .singletons(aws.calls, aws.faults)
            .start());
  }

  /** An event file, relative to {@code events/}. */
  public static APIGatewayProxyRequestEvent event(String relativePath) {
    String dir = System.getProperty("events.dir", "../../events");
    return EventLoader.loadApiGatewayRestEvent(Path.of(dir, relativePath).toString());
  }

  /** An event file with its body replaced. */
  public static APIGatewayProxyRequestEvent event(String relativePath, String body) {
    APIGatewayProxyRequestEvent event = event(relativePath);
    event.setBody(body);
    return event;
  }

  public APIGatewayProxyResponseEvent invoke(String relativePath) {
    return invoke(event(relativePath));
  }

  /**
   * Runs the event; the answer must be one openapi.yaml documents for its route. An event that is
   * no HTTP request at all (see {@link #isHttpRequest}) has no route to hold it to: its answer must
   * be a 400 problem document.
   */
  public APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
    APIGatewayProxyResponseEvent response = function.handleRequest(event, new MockLambdaContext());
    if (isHttpRequest(event)) {
      OpenApiContract.document().assertDocumentedAnswer(exchange(event, response));
    } else if (response.getStatusCode() != 400
        || !String.valueOf(
                headers(response.getHeaders(), response.getMultiValueHeaders()).get("Content-Type"))
            .contains("application/problem+json")) {
      throw new AssertionError(
          "an event that is no HTTP request must be refused with a 400 problem, not "
              + response.getStatusCode());
    }
    return response;
  }

  /**
   * Whether the event carries an HTTP request a client could have sent: a method, a path that is a
   * valid URI, a body that decodes when it is marked base64, and no empty Content-Type. Events that
   * fail this exist to show the handler refusing what API Gateway should never pass on.
   */
  public static boolean isHttpRequest(APIGatewayProxyRequestEvent event) {
    if (event.getHttpMethod() == null || event.getPath() == null) {
      return false;
    }
    try {
      URI.create(event.getPath());
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (Boolean.TRUE.equals(event.getIsBase64Encoded()) && event.getBody() != null) {
      try {
        Base64.getDecoder().decode(event.getBody());
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    return headers(event.getHeaders(), event.getMultiValueHeaders()).entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("Content-Type"))
        .flatMap(h -> h.getValue().stream())
        .noneMatch(String::isBlank);
  }

  /** The event and its answer as an HTTP exchange, for {@link OpenApiContract}. */
  public static OpenApiContract.Exchange exchange(
      APIGatewayProxyRequestEvent event, APIGatewayProxyResponseEvent response) {
    return new OpenApiContract.Exchange(
        event.getHttpMethod(),
        uri(event),
        headers(event.getHeaders(), event.getMultiValueHeaders()),
        Boolean.TRUE.equals(event.getIsBase64Encoded()) && event.getBody() != null
            ? new String(Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
            : event.getBody(),
        response == null ? 0 : response.getStatusCode(),
        response == null
            ? Map.of()
            : headers(response.getHeaders(), response.getMultiValueHeaders()),
        response == null ? null : response.getBody());
  }

  private static URI uri(APIGatewayProxyRequestEvent event) {
    Map<String, List<String>> query = new TreeMap<>();
    if (event.getMultiValueQueryStringParameters() != null) {
      query.putAll(event.getMultiValueQueryStringParameters());
    } else if (event.getQueryStringParameters() != null) {
      event.getQueryStringParameters().forEach((k, v) -> query.put(k, List.of(v)));
    }
    String queryString =
        query.entrySet().stream()
            .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
            .collect(Collectors.joining("&"));
    return URI.create(event.getPath() + (queryString.isEmpty() ? "" : "?" + queryString));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** One header map from API Gateway's two (single- and multi-valued); multi-valued wins. */
  private static Map<String, List<String>> headers(
      Map<String, String> single, Map<String, List<String>> multi) {
    Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (single != null) {
      single.forEach((k, v) -> all.put(k, List.of(v)));
    }
    if (multi != null) {
      all.putAll(multi);
    }
    return all;
  }

  public ApplicationContext context() {
    return function.getApplicationContext();
  }

  /** A response body as a JSON object. */
  public static Map<String, Object> json(APIGatewayProxyResponseEvent response) {
    try {
      return JSON.readValue(response.getBody(), Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    function.close();
  }
}
