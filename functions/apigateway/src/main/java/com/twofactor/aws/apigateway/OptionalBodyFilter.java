package com.twofactor.aws.apigateway;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * On Lambda, a POST to a route whose JSON body is optional ({@code POST /two-factor/totp}: {@code
 * verification} is only needed while a factor is active) reaches the controller as {@code {}} when
 * it came without a body. The API proxy cannot bind an optional body from an absent one (it decodes
 * zero bytes as JSON and answers 400), while Netty, in the dev server, binds it as null; both then
 * behave alike. Only the event's missing body is filled in, nothing else about the request changes.
 * Stateless and thread-safe.
 */
@ServerFilter("/two-factor/totp")
public final class OptionalBodyFilter {

  @RequestFilter
  public void absentBodyAsEmptyObject(HttpRequest<?> request) {
    if (request.getMethod() != HttpMethod.POST) {
      return;
    }
    ApiGatewayEvents.event(request)
        .filter(event -> event.getBody() == null || event.getBody().isBlank())
        .ifPresent(
            event -> {
              event.setBody("{}");
              event.setIsBase64Encoded(false);
            });
  }
}
