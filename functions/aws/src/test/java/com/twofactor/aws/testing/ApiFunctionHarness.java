package com.twofactor.aws.testing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs API Gateway events through the handler class template.yaml names ({@link
 * ApiGatewayProxyRequestEventFunction}), in-process, as Lambda would: the event files of {@code
 * events/} are loaded with the Lambda runtime's own serialization.
 */
public final class ApiFunctionHarness implements AutoCloseable {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  /**
   * The browser origin the harness allows, as template.yaml would pass it in through {@code
   * TWO_FACTOR_ALLOWED_ORIGINS}; the event files use it for "an allowed origin".
   */
  public static final String ALLOWED_ORIGIN = "https://app.example.com";

  private final ApiGatewayProxyRequestEventFunction function;

  private ApiFunctionHarness(ApplicationContext context) {
    this.function = new ApiGatewayProxyRequestEventFunction(context);
  }

  /** The function on in-memory ports. */
  public static ApiFunctionHarness inMemory() {
    return new ApiFunctionHarness(
        ApplicationContext.builder()
            .properties(
                Map.of(
                    "two-factor.ports", "in-memory", "two-factor.allowed-origins", ALLOWED_ORIGIN))
            .start());
  }

  /** The function on the emulated AWS of {@code aws}, with its interceptors attached. */
  public static ApiFunctionHarness onAws(AwsTestContext aws) {
    return new ApiFunctionHarness(
        ApplicationContext.builder()
            .properties(new HashMap<>(aws.properties()))
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

  public APIGatewayProxyResponseEvent invoke(APIGatewayProxyRequestEvent event) {
    return function.handleRequest(event, new MockLambdaContext());
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
