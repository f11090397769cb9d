package com.twofactor.aws.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * openapi.yaml as the oracle of every test answer: the Lambda handler tests (through {@link
 * ApiFunctionHarness}) and the dev server's black-box tests check each answer with it, so an
 * undocumented status, header, content type or body field fails the build. A route becomes checked
 * the moment it is documented; nothing here names routes.
 *
 * <p>The validator is Atlassian's {@code swagger-request-validator-core}: it matches the operation
 * by method and path, and checks the status is listed, required headers (such as {@code
 * Retry-After}) are present and well-formed, the content type is documented, and the body matches
 * the schema with no property the schema does not declare. Authorization is not checked: API
 * Gateway's authorizers enforce it before the functions run.
 *
 * <p>Thread-safe: the validator is immutable once built, and one instance serves every test.
 */
public final class OpenApiContract {
  /** The document, found from {@code -Dopenapi.file} or by walking up to the repository root. */
  private static final class Holder {
    static final OpenApiContract DOCUMENT = new OpenApiContract(locate());
  }

  private final Path file;
  private final OpenApiInteractionValidator validator;

  private OpenApiContract(Path file) {
    this.file = file;
    this.validator =
        OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
            // The servers' path prefix ({stage}) is API Gateway's, not the functions'.
            .withBasePathOverride("/")
            // allOf [Problem, {code: enum}] narrows a response's codes; merged before validation
            // so that no undeclared property slips through the composition.
            .withResolveCombinators(true)
            .withLevelResolver(
                LevelResolver.create()
                    .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                    // Errors are problem+json whatever a client accepts (RFC 9457).
                    .withLevel("validation.request.accept", ValidationReport.Level.IGNORE)
                    .build())
            .build();
  }

  /** The repository's openapi.yaml. */
  public static OpenApiContract document() {
    return Holder.DOCUMENT;
  }

  /** Where the document was read from. */
  public Path file() {
    return file;
  }

  /** An HTTP exchange as both sides saw it; header names in any case. */
  public record Exchange(
      String method,
      URI uri,
      Map<String, List<String>> requestHeaders,
      String requestBody,
      int status,
      Map<String, List<String>> responseHeaders,
      String responseBody) {}

  /** Whether the document has an operation for this method and path. */
  public boolean documents(String method, String path) {
    ValidationReport report =
        validator.validateRequest(request(method, URI.create(path), Map.of(), null));
    return report.getMessages().stream()
        .noneMatch(
            m ->
                m.getKey().equals("validation.request.path.missing")
                    || m.getKey().equals("validation.request.operation.notAllowed"));
  }

  /**
   * Whether a request is a CORS preflight ({@code OPTIONS} with {@code Origin} and {@code
   * Access-Control-Request-Method}): the browser asking about an operation, answered by the CORS
   * protocol (API Gateway answers it when deployed; the functions can too), so not an operation of
   * the document.
   */
  public static boolean isCorsPreflight(String method, Map<String, ?> requestHeaders) {
    if (!"OPTIONS".equalsIgnoreCase(method) || requestHeaders == null) {
      return false;
    }
    var names = requestHeaders.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    return names.contains("origin") && names.contains("access-control-request-method");
  }

  /**
   * Fails unless the answer is one the document gives for this operation. A route the document does
   * not know may only answer 404 or 405 with a problem document. A CORS preflight may also be
   * granted (200, no body, with {@code Access-Control-Allow-Origin}).
   */
  public void assertDocumentedAnswer(Exchange exchange) {
    if (isCorsPreflight(exchange.method(), exchange.requestHeaders()) && exchange.status() == 200) {
      boolean allowsOrigin =
          exchange.responseHeaders().keySet().stream()
              .anyMatch(n -> n.equalsIgnoreCase("Access-Control-Allow-Origin"));
      if (!allowsOrigin
          || (exchange.responseBody() != null && !exchange.responseBody().isEmpty())) {
        throw new AssertionError(
            "a granted CORS preflight answers 200 with Access-Control-Allow-Origin and no body: "
                + exchange);
      }
      return;
    }
    if (!documents(exchange.method(), exchange.uri().getPath())) {
      assertUnknownRouteAnswer(exchange);
      return;
    }
    SimpleResponse.Builder response =
        SimpleResponse.Builder.status(exchange.status())
            .withBody(emptyToNull(exchange.responseBody()));
    exchange.responseHeaders().forEach(response::withHeader);
    ValidationReport report =
        validator.validateResponse(
            exchange.uri().getPath(), method(exchange.method()), response.build());
    fail(report, "answer", exchange);
  }

  /** Fails unless the request is valid for a documented operation: path, query, headers, body. */
  public void assertValidRequest(Exchange exchange) {
    ValidationReport report =
        validator.validateRequest(
            request(
                exchange.method(),
                exchange.uri(),
                exchange.requestHeaders(),
                emptyToNull(exchange.requestBody())));
    fail(report, "request", exchange);
  }

  private static void assertUnknownRouteAnswer(Exchange exchange) {
    String type =
        exchange.responseHeaders().entrySet().stream()
            .filter(e -> e.getKey().equalsIgnoreCase("Content-Type"))
            .flatMap(e -> e.getValue().stream())
            .findFirst()
            .orElse("");
    if ((exchange.status() != 404 && exchange.status() != 405)
        || !type.startsWith("application/problem+json")) {
      throw new AssertionError(
          "openapi.yaml documents no operation "
              + exchange.method()
              + " "
              + exchange.uri().getPath()
              + ", yet it answered "
              + exchange.status()
              + " "
              + type);
    }
  }

  private static void fail(ValidationReport report, String what, Exchange exchange) {
    if (report.hasErrors()) {
      String messages =
          report.getMessages().stream()
              .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
              .map(m -> "  - " + m.getKey() + ": " + m.getMessage())
              .collect(Collectors.joining("\n"));
      throw new AssertionError(
          "The "
              + what
              + " of "
              + exchange.method()
              + " "
              + exchange.uri()
              + " ("
              + exchange.status()
              + ") does not match openapi.yaml:\n"
              + messages
              + "\n  body: "
              + ("answer".equals(what) ? exchange.responseBody() : "(request body)"));
    }
  }

  private static Request request(
      String method, URI uri, Map<String, List<String>> headers, String body) {
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(method(method), uri.getPath()).withBody(body);
    headers.forEach(request::withHeader);
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        String value = eq < 0 ? "" : pair.substring(eq + 1);
        request.withQueryParam(decode(name), decode(value));
      }
    }
    return request.build();
  }

  private static String decode(String text) {
    return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static Request.Method method(String name) {
    return Request.Method.valueOf(name.toUpperCase(Locale.ROOT));
  }

  private static String emptyToNull(String body) {
    return body == null || body.isEmpty() ? null : body;
  }

  private static Path locate() {
    String configured = System.getProperty("openapi.file");
    if (configured != null) {
      return Path.of(configured).toAbsolutePath();
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("openapi.yaml");
      if (Files.isRegularFile(candidate) && Files.exists(dir.resolve("template.yaml"))) {
        return candidate;
      }
    }
    throw new IllegalStateException("openapi.yaml not found above " + Path.of("").toAbsolutePath());
  }
}
