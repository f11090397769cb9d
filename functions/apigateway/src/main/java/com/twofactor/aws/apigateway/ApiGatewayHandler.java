package com.twofactor.aws.apigateway;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.twofactor.api.http.Problem;
import com.twofactor.api.http.Problems;
import com.twofactor.aws.lambda.LambdaContexts;
import com.twofactor.core.ErrorCode;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.core.convert.ConversionService;
import io.micronaut.function.aws.proxy.payload1.ApiGatewayProxyRequestEventFunction;
import io.micronaut.http.CaseInsensitiveMutableHttpHeaders;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.exceptions.UriSyntaxException;
import io.micronaut.http.server.HttpServerConfiguration;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lambda handler of every API function (template.yaml {@code Handler:}): Micronaut's API
 * Gateway (REST, payload 1.0) function behind a guard. An event API Gateway would never send (no
 * method or path, a path with a broken percent escape, a header the framework cannot hold, an empty
 * or unreadable Content-Type, a body marked base64 that is not) is answered 400 before routing, as
 * is one whose path or query the router cannot read as a URI; and nothing escapes {@link
 * #handleRequest}: an unexpected throwable becomes a 500 {@code internal_error} problem with a
 * fixed detail and one log line naming only its class, so neither a stack trace nor request data
 * reaches the client or the log. An error the framework answers past its error processor (its CORS
 * filter refusing an origin) becomes a problem document too, with the same status.
 *
 * <p>Thread safety: as safe as the function it extends; it keeps no state of its own.
 */
public class ApiGatewayHandler extends ApiGatewayProxyRequestEventFunction {
  /** The methods a REST API's proxy integration passes on. */
  private static final Set<String> API_GATEWAY_METHODS =
      Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

  private static final Logger LOG = LoggerFactory.getLogger(ApiGatewayHandler.class);

  private static final String INTERNAL_DETAIL =
      "The request could not be completed; nothing was changed.";

  /** For Lambda. */
  public ApiGatewayHandler() {}

  /** For tests and tools, on their own context. */
  public ApiGatewayHandler(ApplicationContext context) {
    super(context);
  }

  /** On Lambda: singletons built on first use (see {@link LambdaContexts}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public APIGatewayProxyResponseEvent handleRequest(
      APIGatewayProxyRequestEvent event, Context context) {
    try {
      Optional<Problem.FieldError> defect = defect(event);
      if (defect.isPresent()) {
        LOG.warn("malformed API Gateway event: {}", defect.get().message());
        return problem(event, ErrorCode.INVALID_REQUEST, "The request is not valid.", defect.get());
      }
      APIGatewayProxyResponseEvent response = super.handleRequest(event, context);
      if (response == null || response.getStatusCode() == null) {
        LOG.error("request failed: internal_error (the function answered nothing)");
        return problem(event, ErrorCode.INTERNAL_ERROR, INTERNAL_DETAIL, null);
      }
      if (response.getStatusCode() >= 400 && !isProblem(response)) {
        // An error the framework answered past its error processor (its CORS filter refusing an
        // origin, for one): the client still gets a problem document, with the same status.
        LOG.warn("request refused by the framework: {}", response.getStatusCode());
        return problem(event, Problems.framework(frameworkStatus(response), null));
      }
      return response;
    } catch (UriSyntaxException unreadable) {
      // The router could not read the path or query as a URI: the caller's request, not a bug.
      LOG.warn("malformed API Gateway event: path or query is not a valid URI");
      return problem(
          event,
          ErrorCode.INVALID_REQUEST,
          "The request is not valid.",
          new Problem.FieldError("path", "path or query is not a valid URI"));
    } catch (Throwable unexpected) { // NOPMD: the Lambda contract is an answer, always
      LOG.error(
          "request failed: internal_error (unexpected {})", unexpected.getClass().getSimpleName());
      return problem(event, ErrorCode.INTERNAL_ERROR, INTERNAL_DETAIL, null);
    }
  }

  /** What makes {@code event} one API Gateway would not send, if anything. */
  static Optional<Problem.FieldError> defect(APIGatewayProxyRequestEvent event) {
    if (event == null) {
      return Optional.of(new Problem.FieldError("event", "the event is empty"));
    }
    if (event.getHttpMethod() == null || !API_GATEWAY_METHODS.contains(event.getHttpMethod())) {
      // Methods are case-sensitive (RFC 9110); API Gateway sends only these, in capitals.
      return Optional.of(
          new Problem.FieldError(
              "httpMethod", "httpMethod is missing or not one API Gateway sends"));
    }
    if (blank(event.getPath()) || !event.getPath().startsWith("/")) {
      return Optional.of(new Problem.FieldError("path", "path is missing or not absolute"));
    }
    if (!percentEscapesValid(event.getPath())) {
      return Optional.of(new Problem.FieldError("path", "path has a broken percent escape"));
    }
    if (event.getPath().indexOf('?') >= 0 || event.getPath().indexOf('#') >= 0) {
      // API Gateway passes the query apart, never in the path; read as one, a query whose escapes
      // are not UTF-8 failed deep in the framework with a 500.
      return Optional.of(new Problem.FieldError("path", "path holds a query or a fragment"));
    }
    if (!headersValid(event)) {
      return Optional.of(
          new Problem.FieldError("headers", "a header name or value is not valid HTTP"));
    }
    if (!contentTypesReadable(event)) {
      return Optional.of(
          new Problem.FieldError("Content-Type", "Content-Type is not a media type"));
    }
    if (Boolean.TRUE.equals(event.getIsBase64Encoded()) && event.getBody() != null) {
      try {
        Base64.getDecoder().decode(event.getBody());
      } catch (IllegalArgumentException notBase64) {
        return Optional.of(new Problem.FieldError("body", "body is marked base64 but is not"));
      }
    }
    return Optional.empty();
  }

  /** Every {@code %} starts a two-hex-digit escape (the router cannot read the path otherwise). */
  private static boolean percentEscapesValid(String path) {
    for (int i = path.indexOf('%'); i >= 0; i = path.indexOf('%', i + 1)) {
      if (i + 2 >= path.length()
          || Character.digit(path.charAt(i + 1), 16) < 0
          || Character.digit(path.charAt(i + 2), 16) < 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every header name is an HTTP token and every value one the framework accepts (no control
   * character or DEL, no leading whitespace), and none is null, by the framework's own rules: it
   * refuses to build the request's headers otherwise, and then cannot answer even with an error (it
   * reads them again to encode one).
   */
  private static boolean headersValid(APIGatewayProxyRequestEvent event) {
    List<Map.Entry<String, String>> all = new ArrayList<>();
    if (event.getHeaders() != null) {
      all.addAll(event.getHeaders().entrySet());
    }
    if (event.getMultiValueHeaders() != null) {
      for (Map.Entry<String, List<String>> header : event.getMultiValueHeaders().entrySet()) {
        if (header.getValue() == null) {
          return false;
        }
        header.getValue().forEach(value -> all.add(new SimpleEntry<>(header.getKey(), value)));
      }
    }
    MutableHttpHeaders check = new CaseInsensitiveMutableHttpHeaders(ConversionService.SHARED);
    for (Map.Entry<String, String> header : all) {
      if (header.getKey() == null || header.getValue() == null) {
        return false;
      }
      try {
        check.add(header.getKey(), header.getValue());
      } catch (IllegalArgumentException refused) {
        return false;
      }
    }
    return true;
  }

  /**
   * Every Content-Type header is a media type: the framework cannot even encode its error answer
   * for an empty one.
   */
  private static boolean contentTypesReadable(APIGatewayProxyRequestEvent event) {
    List<String> values = new ArrayList<>();
    if (event.getHeaders() != null) {
      event.getHeaders().forEach((name, value) -> addIfContentType(values, name, value));
    }
    if (event.getMultiValueHeaders() != null) {
      event
          .getMultiValueHeaders()
          .forEach(
              (name, list) -> {
                if (list != null) {
                  list.forEach(value -> addIfContentType(values, name, value));
                }
              });
    }
    for (String value : values) {
      if (blank(value)) {
        return false;
      }
      try {
        MediaType.of(value);
      } catch (RuntimeException notAMediaType) {
        return false;
      }
    }
    return true;
  }

  private static void addIfContentType(List<String> values, String name, String value) {
    if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
      values.add(value);
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  /** Whether an answer is a problem document (its media type, whatever its case or parameters). */
  private static boolean isProblem(APIGatewayProxyResponseEvent response) {
    String type =
        header(response.getHeaders(), response.getMultiValueHeaders(), HttpHeaders.CONTENT_TYPE);
    try {
      return type != null && Problem.MEDIA_TYPE.equalsIgnoreCase(MediaType.of(type).getName());
    } catch (RuntimeException notAMediaType) {
      return false;
    }
  }

  /**
   * The status of a framework answer; one Micronaut's {@link HttpStatus} does not name (none the
   * framework or this code sets) becomes 500.
   */
  private static HttpStatus frameworkStatus(APIGatewayProxyResponseEvent response) {
    try {
      return HttpStatus.valueOf(response.getStatusCode());
    } catch (IllegalArgumentException unknown) {
      return HttpStatus.INTERNAL_SERVER_ERROR;
    }
  }

  private APIGatewayProxyResponseEvent problem(
      APIGatewayProxyRequestEvent event, ErrorCode code, String detail, Problem.FieldError field) {
    return problem(event, Problems.of(code, detail, field == null ? null : List.of(field)).body());
  }

  /** A problem answer; without its document for HEAD, whose answers have no content (HTTP). */
  private APIGatewayProxyResponseEvent problem(APIGatewayProxyRequestEvent event, Problem body) {
    boolean head = event != null && "HEAD".equals(event.getHttpMethod());
    String json;
    try {
      json = mapper().writeValueAsString(body);
    } catch (IOException | RuntimeException e) {
      // Serialising a record of strings cannot fail in practice; answer a fixed body if it does.
      json =
          "{\"type\":\"https://twofactor.dev/problems/internal_error\",\"title\":\"Internal Server"
              + " Error\",\"status\":500,\"detail\":\""
              + INTERNAL_DETAIL
              + "\",\"code\":\"internal_error\"}";
      body = null;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", Problem.MEDIA_TYPE);
    headers.putAll(corsHeaders(event));
    Map<String, List<String>> multiValue = new LinkedHashMap<>();
    headers.forEach((name, value) -> multiValue.put(name, List.of(value)));
    return new APIGatewayProxyResponseEvent()
        .withStatusCode(body == null ? 500 : body.status())
        .withHeaders(headers)
        .withMultiValueHeaders(multiValue)
        .withIsBase64Encoded(false)
        .withBody(head ? null : json);
  }

  /**
   * The CORS headers Micronaut's CORS filter gives routed answers, for the answers this handler
   * gives itself (the filter never ran for them): a page on an allowed origin must be able to read
   * a refusal too. Nothing for any other origin, or when the context is not up.
   */
  private Map<String, String> corsHeaders(APIGatewayProxyRequestEvent event) {
    String origin = event == null ? null : requestHeader(event, HttpHeaders.ORIGIN);
    ApplicationContext context = getApplicationContext();
    if (origin == null || context == null || !context.isRunning()) {
      return Map.of();
    }
    return context
        .findBean(HttpServerConfiguration.CorsConfiguration.class)
        .filter(HttpServerConfiguration.CorsConfiguration::isEnabled)
        .stream()
        .flatMap(cors -> cors.getConfigurations().values().stream())
        .filter(allowed -> allowed.getAllowedOrigins().contains(origin))
        .findFirst()
        .map(
            allowed -> {
              Map<String, String> cors = new LinkedHashMap<>();
              cors.put(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
              cors.put(HttpHeaders.VARY, HttpHeaders.ORIGIN);
              if (!allowed.getExposedHeaders().isEmpty()) {
                cors.put(
                    HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS,
                    String.join(",", allowed.getExposedHeaders()));
              }
              return cors;
            })
        .orElse(Map.of());
  }

  private static String requestHeader(APIGatewayProxyRequestEvent event, String name) {
    return header(event.getHeaders(), event.getMultiValueHeaders(), name);
  }

  /** A header's (first) value in an event's or answer's two header maps, by name in any case. */
  private static String header(
      Map<String, String> single, Map<String, List<String>> multi, String name) {
    if (single != null) {
      for (Map.Entry<String, String> header : single.entrySet()) {
        if (name.equalsIgnoreCase(header.getKey())) {
          return header.getValue();
        }
      }
    }
    if (multi != null) {
      for (Map.Entry<String, List<String>> header : multi.entrySet()) {
        if (name.equalsIgnoreCase(header.getKey())
            && header.getValue() != null
            && !header.getValue().isEmpty()) {
          return header.getValue().get(0);
        }
      }
    }
    return null;
  }

  private ObjectMapper mapper() {
    ApplicationContext context = getApplicationContext();
    return context != null && context.isRunning()
        ? context.findBean(ObjectMapper.class).orElseGet(ObjectMapper::getDefault)
        : ObjectMapper.getDefault();
  }
}
