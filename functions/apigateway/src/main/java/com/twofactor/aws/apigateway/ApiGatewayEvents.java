package com.twofactor.aws.apigateway;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import io.micronaut.http.HttpRequest;
import io.micronaut.servlet.http.ServletHttpRequest;
import java.util.Map;
import java.util.Optional;

/**
 * Reads what API Gateway (REST API, payload 1.0) vouches for about the caller. *
 *
 * <p>Stateless and thread-safe.
 */
final class ApiGatewayEvents {
  private ApiGatewayEvents() {}

  /** The proxy event behind a request served by micronaut-function-aws-api-proxy. */
  static Optional<APIGatewayProxyRequestEvent> event(HttpRequest<?> request) {
    if (request instanceof ServletHttpRequest<?, ?> servlet
        && servlet.getNativeRequest() instanceof APIGatewayProxyRequestEvent event) {
      return Optional.of(event);
    }
    return Optional.empty();
  }

  /**
   * A claim set by the Cognito user-pool authorizer, if it is a string and not blank. Anything else
   * (a number, an object, a list) is no claim at all: its {@code toString()} must never become a
   * user id.
   */
  static Optional<String> claim(APIGatewayProxyRequestEvent event, String name) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getAuthorizer)
        .map(authorizer -> authorizer.get("claims"))
        .filter(Map.class::isInstance)
        .map(claims -> ((Map<?, ?>) claims).get(name))
        .filter(String.class::isInstance)
        .map(String.class::cast)
        .filter(value -> !value.isBlank());
  }

  /** The IAM caller ARN API Gateway sets for AWS_IAM-authorized routes. */
  static Optional<String> iamCaller(APIGatewayProxyRequestEvent event) {
    return Optional.ofNullable(event.getRequestContext())
        .map(APIGatewayProxyRequestEvent.ProxyRequestContext::getIdentity)
        .map(APIGatewayProxyRequestEvent.RequestIdentity::getUserArn)
        .filter(arn -> !arn.isBlank());
  }
}
