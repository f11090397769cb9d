package com.twofactor.aws.apigateway;

import com.twofactor.api.http.Caller;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds {@link Caller} from the Cognito user-pool authorizer's claims, and from nothing else: a
 * request without a {@code sub} claim is refused with 401, whatever headers it carries.
 *
 * <p>Thread-safe: stateless.
 */
@Singleton
public final class CognitoCallerBinder implements TypedRequestArgumentBinder<Caller> {

  @Override
  public Argument<Caller> argumentType() {
    return Argument.of(Caller.class);
  }

  @Override
  public BindingResult<Caller> bind(
      ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
    var event = ApiGatewayEvents.event(source);
    String sub =
        event
            .flatMap(e -> ApiGatewayEvents.claim(e, "sub"))
            .orElseThrow(
                () ->
                    new TwoFactorException(
                        ErrorCode.UNAUTHENTICATED, "Authentication is required."));
    Caller caller =
        new Caller(sub, event.flatMap(e -> ApiGatewayEvents.claim(e, "email")).orElse(null));
    return () -> Optional.of(caller);
  }
}
