package com.twofactor.devserver;

import com.twofactor.devserver.cognito.CognitoException;
import com.twofactor.devserver.cognito.LocalCognito;
import com.twofactor.devserver.cognito.LocalCognitoConfiguration;
import com.twofactor.devserver.cognito.TokenKeys;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cognito's JSON protocol on the dev server: {@code POST /cognito} with {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.<Operation>} and an {@code application/x-amz-json-1.1} body,
 * where amazon-cognito-identity-js sends it when its pool is given {@code endpoint: "/cognito"}.
 * Errors are Cognito's: HTTP 400, {@code {"__type","message"}} and the {@code x-amzn-ErrorType}
 * header. Also the signing key at {@code /.well-known/jwks.json} and {@code
 * /<userPoolId>/.well-known/jwks.json}. In the dev server's own package: like {@code /dev/...},
 * these routes are not the API's. Thread-safe: stateless.
 */
@Controller
final class CognitoEndpoint {
  static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final String SERVICE = "AWSCognitoIdentityProviderService.";

  private final LocalCognito cognito;
  private final TokenKeys keys;
  private final LocalCognitoConfiguration configuration;
  private final JsonMapper json;

  CognitoEndpoint(
      LocalCognito cognito,
      TokenKeys keys,
      LocalCognitoConfiguration configuration,
      JsonMapper json) {
    this.cognito = cognito;
    this.keys = keys;
    this.configuration = configuration;
    this.json = json;
  }

  @Post(uri = "/cognito", consumes = MediaType.ALL, produces = AMZ_JSON)
  HttpResponse<String> call(
      @Header("X-Amz-Target") Optional<String> target, @Body Optional<String> body) {
    try {
      String operation =
          target
              .filter(t -> t.startsWith(SERVICE))
              .map(t -> t.substring(SERVICE.length()))
              .orElseThrow(
                  () ->
                      new CognitoException(
                          "UnknownOperationException", "X-Amz-Target names no operation."));
      Map<String, Object> request;
      try {
        request = json.readValue(body.orElse("{}"), Argument.mapOf(String.class, Object.class));
      } catch (IOException | RuntimeException malformed) {
        request = null;
      }
      if (request == null) {
        throw new CognitoException("SerializationException", "The body is not a JSON object.");
      }
      return answer(HttpStatus.OK, cognito.call(operation, request), null);
    } catch (CognitoException refused) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("__type", refused.type());
      error.put("message", refused.getMessage());
      return answer(HttpStatus.BAD_REQUEST, error, refused.type());
    }
  }

  @Get(uri = "/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
  Map<String, Object> jwks() {
    return keys.jwks();
  }

  @Get(uri = "/{userPoolId}/.well-known/jwks.json", produces = MediaType.APPLICATION_JSON)
  HttpResponse<Map<String, Object>> poolJwks(@PathVariable String userPoolId) {
    return configuration.getUserPoolId().equals(userPoolId)
        ? HttpResponse.ok(keys.jwks())
        : HttpResponse.notFound();
  }

  private HttpResponse<String> answer(HttpStatus status, Map<String, Object> body, String type) {
    String text;
    try {
      text = json.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException("answers are plain JSON", e);
    }
    var response = HttpResponse.<String>status(status).body(text).contentType(AMZ_JSON);
    if (type != null) {
      response.header("x-amzn-ErrorType", type);
    }
    return response;
  }
}
