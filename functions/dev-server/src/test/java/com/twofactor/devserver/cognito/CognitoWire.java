package com.twofactor.devserver.cognito;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/** Cognito's JSON protocol as amazon-cognito-identity-js's Client sends it to {@code /cognito}. */
public final class CognitoWire {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI endpoint;

  public CognitoWire(URI base) {
    this.endpoint = base.resolve("/cognito");
  }

  /** An answer: status, the {@code x-amzn-ErrorType} header, content type and the JSON body. */
  public record Reply(
      int status, String errorTypeHeader, String contentType, Map<String, Object> json) {
    public String type() {
      return (String) json.get("__type");
    }

    public String message() {
      return (String) json.get("message");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> parameters() {
      return (Map<String, Object>) json.get("ChallengeParameters");
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> result() {
      return (Map<String, Object>) json.get("AuthenticationResult");
    }

    public String session() {
      return (String) json.get("Session");
    }
  }

  public Reply call(String operation, Map<String, Object> body) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .header("Content-Type", "application/x-amz-json-1.1")
              .header("X-Amz-Target", "AWSCognitoIdentityProviderService." + operation)
              .header("X-Amz-User-Agent", "aws-amplify/5.0.4 js")
              .header("Cache-Control", "no-store")
              .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
              .build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Reply(
          response.statusCode(),
          response.headers().firstValue("x-amzn-ErrorType").orElse(null),
          response.headers().firstValue("Content-Type").orElse(null),
          JSON.readValue(response.body(), Argument.mapOf(String.class, Object.class)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
