package com.twofactor.devserver;

import com.twofactor.aws.testing.OpenApiContract;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

/**
 * A plain HTTP client for black-box tests of the dev server: no Micronaut on the calling side.
 * Every answer of an API route is checked against openapi.yaml ({@link OpenApiContract}); the dev
 * server's own routes ({@code /dev/...}, {@code /docs}, {@code /openapi.yaml}) are not the API's.
 */
public final class HttpApi {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;

  public HttpApi(URI base) {
    this.base = base;
  }

  public URI base() {
    return base;
  }

  /** An answer: status, the headers that matter here, and the body. */
  public record Answer(int status, String contentType, String retryAfter, String body) {
    public List<Map<String, Object>> jsonList() {
      try {
        return JSON.readValue(body, Argument.listOf(Argument.mapOf(String.class, Object.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    public Map<String, Object> json() {
      try {
        return JSON.readValue(body, Argument.mapOf(String.class, Object.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  public Answer get(String path, String user) {
    return send(request(path, user).GET());
  }

  public Answer post(String path, String user, String json) {
    HttpRequest.Builder request = request(path, user);
    if (json == null) {
      request.POST(HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.POST(HttpRequest.BodyPublishers.ofString(json));
    }
    return send(request);
  }

  public Answer put(String path, String user, String json) {
    return send(
        request(path, user)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, headers and body: for answers to what a well-behaved JSON client never sends. */
  public Answer send(
      String method, String path, String user, Map<String, String> headers, String body) {
    HttpRequest.Builder request = request(path, user);
    headers.forEach(request::header);
    return send(
        request.method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer delete(String path, String user) {
    return send(request(path, user).DELETE());
  }

  private HttpRequest.Builder request(String path, String user) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
    if (user != null) {
      builder.header("X-Dev-User", user);
    }
    return builder;
  }

  /** A GET whose answer is not checked against openapi.yaml: for the dev server's own pages. */
  public HttpResponse<String> raw(String path) {
    try {
      return client.send(
          HttpRequest.newBuilder(base.resolve(path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private Answer send(HttpRequest.Builder builder) {
    try {
      HttpRequest request = builder.build();
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      String path = request.uri().getRawPath();
      if (!path.startsWith("/dev/")) {
        OpenApiContract.document()
            .assertDocumentedAnswer(
                new OpenApiContract.Exchange(
                    request.method(),
                    URI.create(
                        path
                            + (request.uri().getRawQuery() == null
                                ? ""
                                : "?" + request.uri().getRawQuery())),
                    request.headers().map(),
                    null,
                    response.statusCode(),
                    response.headers().map(),
                    response.body()));
      }
      return new Answer(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
