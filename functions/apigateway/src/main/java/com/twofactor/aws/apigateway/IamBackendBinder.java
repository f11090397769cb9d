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
 * Binds {@link TrustedBackend} only when API Gateway authenticated the caller with IAM and the
 * caller is one of the {@link InternalCallers}: any other principal of the account allowed {@code
 * execute-api:Invoke} could otherwise text any user, lock anyone out or spend backup codes. The
 * route is AWS_IAM-authorized and the API's resource policy denies other callers in template.yaml;
 * this check keeps a mis-wired route or policy closed (403). Thread-safe.
 */
@Singleton
public final class IamBackendBinder implements TypedRequestArgumentBinder<TrustedBackend> {
  private final InternalCallers callers;

  public IamBackendBinder(InternalCallers callers) {
    this.callers = callers;
  }

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
            .filter(callers::allows)
            .map(TrustedBackend::new)
            .orElseThrow(
                () ->
                    new TwoFactorException(
                        ErrorCode.FORBIDDEN, "This route is for the named IAM back ends."));
    return () -> Optional.of(backend);
  }
}
