package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dev server as a browser meets it, over plain HTTP: web/ at /, and CORS for the origins of
 * TWO_FACTOR_ALLOWED_ORIGINS only (preflight and real requests, errors included).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class DevServerWebTest {
  private static final String ALLOWED = "http://localhost:5173";
  private static final String OTHER = "http://localhost:9999";

  private final HttpClient client = HttpClient.newHttpClient();
  private EmbeddedServer server;

  @BeforeAll
  void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of("micronaut.server.port", -1, "two-factor.allowed-origins", ALLOWED),
            DevServer.ENVIRONMENT);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(server.getURI() + path));
  }

  @Test
  void pages_areServedAtTheRootWithAConfigPointingAtThisServer() throws Exception {
    HttpResponse<String> index = send(request("/"));
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("User Settings", "js/app.js");
    assertThat(send(request("/org.html")).body()).contains("Organization Settings");
    HttpResponse<String> config = send(request("/config.json"));
    assertThat(config.body())
        .contains(
            "\"apiBaseUrl\": \"\"",
            "\"mode\": \"cognito\"",
            "\"userPoolId\": \"local_devserver\"",
            "\"clientId\": \"dev-server-client\"",
            "\"endpoint\": \"/cognito\"",
            "\"localUsers\": true");
    assertThat(send(request("/js/settings.js")).headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).contains("javascript"));
    // AWS's client library, copied from npm by the build: the page loads it from here, no CDN.
    HttpResponse<String> library = send(request("/vendor/amazon-cognito-identity.min.js"));
    assertThat(library.statusCode()).isEqualTo(200);
    assertThat(library.body()).contains("AmazonCognitoIdentity", "CognitoUserPool");
  }

  @Test
  void preflight_fromAnAllowedOriginIsAnsweredWithItsHeaders() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/two-factor/totp/confirm")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", ALLOWED)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-dev-user"));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).hasValue("POST");
    assertThat(answer.headers().firstValue("Access-Control-Allow-Headers"))
        .hasValueSatisfying(
            h -> assertThat(h.toLowerCase()).contains("content-type", "x-dev-user"));
  }

  @Test
  void preflight_fromAnyOtherOriginGetsNoCorsHeaders() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/two-factor")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", OTHER)
                .header("Access-Control-Request-Method", "GET"));

    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(answer.headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
  }

  @Test
  void errors_carryTheAllowedOriginAndExposeRetryAfter_butNotForOtherOrigins()
      throws IOException, Exception {
    HttpResponse<String> allowed =
        send(request("/two-factor").header("Origin", ALLOWED)); // no X-Dev-User: 401
    assertThat(allowed.statusCode()).isEqualTo(401);
    assertThat(allowed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin")).hasValue(ALLOWED);
    assertThat(allowed.headers().firstValue("Access-Control-Expose-Headers"))
        .hasValue("Retry-After");

    HttpResponse<String> other = send(request("/two-factor").header("Origin", OTHER));
    assertThat(other.statusCode()).isEqualTo(401);
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void aPageOnAnUnlistedRemoteOriginIsRefusedByTheLoopbackServer() throws Exception {
    HttpResponse<String> answer =
        send(
            request("/two-factor")
                .header("Origin", "https://evil.example.net")
                .header("X-Dev-User", "alice"));

    assertThat(answer.statusCode()).isEqualTo(403);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }
}
