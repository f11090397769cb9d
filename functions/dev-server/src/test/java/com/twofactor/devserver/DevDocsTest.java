package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OpenApiContract;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The reference at /docs and the document at /openapi.yaml, as the build packed them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class DevDocsTest {
  private EmbeddedServer server;
  private HttpApi api;

  @BeforeAll
  void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class, Map.of("micronaut.server.port", -1), DevServer.ENVIRONMENT);
    api = new HttpApi(server.getURI());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void docs_isTheRenderedReferenceAndLoadsNothingFromOutside() {
    assertSelfContainedReference(api.raw("/docs"));
  }

  @Test
  void openApiYaml_isTheRepositoryDocumentAsItIs() throws IOException {
    assertIsTheDocument(api.raw("/openapi.yaml"));
  }

  static void assertSelfContainedReference(HttpResponse<String> docs) {
    assertThat(docs.statusCode()).isEqualTo(200);
    assertThat(docs.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    String html = docs.body();
    assertThat(html)
        .contains("Two-factor authentication service")
        .contains("startTotpSetup")
        // Redoc itself is inlined (megabytes of script), not fetched.
        .contains("<script type=\"module\">");
    assertThat(html.length()).isGreaterThan(1_000_000);
    // Nothing is loaded by URL: no script source, no stylesheet or font from another origin, and
    // not the CDN bundle a build without --inlineBundle refers to.
    assertThat(html)
        .doesNotContainPattern("<script[^>]*\\ssrc\\s*=")
        .doesNotContainPattern("<link[^>]*href\\s*=\\s*[\"']?(https?:)?//")
        .doesNotContainPattern("@import\\s+url\\(")
        .doesNotContain(
            "redoc.standalone.js", "cdn.redoc.ly", "fonts.googleapis", "unpkg.com", "cdn.jsdelivr");
  }

  static void assertIsTheDocument(HttpResponse<String> yaml) throws IOException {
    assertThat(yaml.statusCode()).isEqualTo(200);
    assertThat(yaml.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/yaml"));
    assertThat(yaml.body()).isEqualTo(Files.readString(OpenApiContract.document().file()));
  }
}
