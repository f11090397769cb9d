package com.twofactor.fuzz;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API Gateway (REST, payload 1.0) events as the fuzz tests build them, and answers read back. */
final class ApiEvents {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private ApiEvents() {}

  /** A well-formed request of a Cognito-authorized caller {@code sub} (any claim value). */
  static APIGatewayProxyRequestEvent request(String method, String path, String body, Object sub) {
    var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
    context.setHttpMethod(method);
    context.setResourcePath(path);
    context.setStage("prod");
    context.setRequestId("fuzz");
    Map<String, Object> claims = new HashMap<>();
    if (sub != null) {
      claims.put("sub", sub);
    }
    claims.put("email", "victim@example.com");
    context.setAuthorizer(Map.of("claims", claims));
    var identity = new APIGatewayProxyRequestEvent.RequestIdentity();
    identity.setSourceIp("203.0.113.10");
    context.setIdentity(identity);
    Map<String, String> headers = new HashMap<>();
    headers.put("Accept", "application/json");
    if (body != null) {
      headers.put("Content-Type", "application/json");
    }
    return new APIGatewayProxyRequestEvent()
        .withHttpMethod(method)
        .withPath(path)
        .withResource(path)
        .withHeaders(headers)
        .withMultiValueHeaders(multi(headers))
        .withRequestContext(context)
        .withBody(body)
        .withIsBase64Encoded(false);
  }

  static Map<String, List<String>> multi(Map<String, String> headers) {
    Map<String, List<String>> multi = new HashMap<>();
    headers.forEach((k, v) -> multi.put(k, v == null ? null : List.of(v)));
    return multi;
  }

  /** The answer's body as a JSON object, if it is one. */
  static Optional<Map<String, Object>> json(APIGatewayProxyResponseEvent response) {
    if (response.getBody() == null) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          JSON.readValue(response.getBody(), Argument.mapOf(String.class, Object.class)));
    } catch (IOException | RuntimeException notJson) {
      return Optional.empty();
    }
  }

  static String header(APIGatewayProxyResponseEvent response, String name) {
    if (response.getHeaders() != null) {
      for (var e : response.getHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) {
          return e.getValue();
        }
      }
    }
    if (response.getMultiValueHeaders() != null) {
      for (var e : response.getMultiValueHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name) && e.getValue() != null && !e.getValue().isEmpty()) {
          return e.getValue().get(0);
        }
      }
    }
    return null;
  }

  static String write(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
