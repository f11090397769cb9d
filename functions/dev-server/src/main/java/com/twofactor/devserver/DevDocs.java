package com.twofactor.devserver;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The API reference, for development: {@code GET /docs} is the page Redocly rendered from
 * openapi.yaml during the build (its scripts inlined, so it loads nothing from outside), and {@code
 * GET /openapi.yaml} the document itself. Both are resources the build puts into the jar under
 * {@code dev-docs/}; a build that skipped Redocly answers 404 for the page.
 *
 * <p>Thread-safe: the resources are read once, at construction, and never change.
 */
@Controller
final class DevDocs {
  static final String HTML = "dev-docs/index.html";
  static final String OPENAPI = "dev-docs/openapi.yaml";
  private static final String YAML = "application/yaml";

  private final Optional<byte[]> html;
  private final Optional<byte[]> openApi;

  DevDocs() {
    this.html = read(HTML);
    this.openApi = read(OPENAPI);
  }

  @Get("/docs")
  @Produces(MediaType.TEXT_HTML + ";charset=utf-8")
  HttpResponse<byte[]> docs() {
    return html.map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
  }

  @Get("/openapi.yaml")
  @Produces(YAML + ";charset=utf-8")
  HttpResponse<byte[]> openApi() {
    return openApi.map(HttpResponse::ok).orElseGet(HttpResponse::notFound);
  }

  private static Optional<byte[]> read(String resource) {
    try (InputStream in = DevDocs.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
