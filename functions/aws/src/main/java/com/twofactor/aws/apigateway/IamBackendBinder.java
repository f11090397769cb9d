package com.twofactor.aws.apigateway;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Binds {@link TrustedBackend} only when API Gateway authenticated the caller with IAM. The route
 * is AWS_IAM-authorized in template.yaml; this check keeps a mis-wired route closed (403).
 */
@Singleton
public final class IamBackendBinder implements TypedRequestArgumentBinder<TrustedBackend> {

  @Override
  public Argument<TrustedBackend> argumentType() {
    return Argument.of(TrustedBackend.class);
  }

  @Override
  public BindingResult<TrustedBackend> bind(
      ArgumentConversionContext<TrustedBackend> context, HttpRequest<?> source) {
    TrustedBackend backend =
        ApiGatewayEvents.event(source)
            .flatMap(ApiGatewayEvents::iamCaller)
            .map(TrustedBackend::new)
            .orElseThrow(
                () ->
                    new TwoFactorException(
                        ErrorCode.FORBIDDEN, "This route is for IAM-authenticated back ends."));
    return () -> Optional.of(backend);
  }
}
