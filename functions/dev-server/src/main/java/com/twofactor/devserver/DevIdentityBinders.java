package com.twofactor.devserver;

import com.twofactor.api.http.Caller;
import com.twofactor.api.http.TrustedBackend;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Development identity: {@code X-Dev-User} (and optional {@code X-Dev-Email}) stand in for the
 * Cognito authorizer, and {@code /internal/...} routes are open. This class exists only in the
 * dev-server module, which no Lambda function contains.
 */
final class DevIdentityBinders {
  static final String USER_HEADER = "X-Dev-User";
  static final String EMAIL_HEADER = "X-Dev-Email";
  private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._@:+-]{1,128}");

  private DevIdentityBinders() {}

  /** {@link Caller} from {@code X-Dev-User}; 401 without it. */
  @Singleton
  static final class DevCallerBinder implements TypedRequestArgumentBinder<Caller> {
    @Override
    public Argument<Caller> argumentType() {
      return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(
        ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
      String user =
          source
              .getHeaders()
              .findFirst(USER_HEADER)
              .map(String::trim)
              .filter(id -> USER_ID.matcher(id).matches())
              .orElseThrow(
                  () ->
                      new TwoFactorException(
                          ErrorCode.UNAUTHENTICATED,
                          "Authentication is required: the dev server reads the "
                              + USER_HEADER
                              + " header."));
      Caller caller = new Caller(user, source.getHeaders().get(EMAIL_HEADER));
      return () -> Optional.of(caller);
    }
  }

  /** {@link TrustedBackend} for every request: the dev server serves internal routes openly. */
  @Singleton
  static final class DevBackendBinder implements TypedRequestArgumentBinder<TrustedBackend> {
    private static final TrustedBackend DEV = new TrustedBackend("dev-server");

    @Override
    public Argument<TrustedBackend> argumentType() {
      return Argument.of(TrustedBackend.class);
    }

    @Override
    public BindingResult<TrustedBackend> bind(
        ArgumentConversionContext<TrustedBackend> context, HttpRequest<?> source) {
      return () -> Optional.of(DEV);
    }
  }
}
