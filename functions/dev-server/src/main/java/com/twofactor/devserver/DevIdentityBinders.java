package com.twofactor.devserver;

import com.twofactor.api.http.Caller;
import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.devserver.cognito.LocalTokens;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;

/**
 * Development identity: an ID token of the dev server's local Cognito ({@code Authorization:
 * Bearer}), checked as the Cognito authorizer checks it, or else {@code X-Dev-User} (and optional
 * {@code X-Dev-Email}) for curl; {@code /internal/...} routes are open. This class exists only in
 * the dev-server module, which no Lambda function contains.
 */
final class DevIdentityBinders {
  static final String USER_HEADER = "X-Dev-User";
  static final String EMAIL_HEADER = "X-Dev-Email";

  private DevIdentityBinders() {}

  /**
   * {@link Caller} from a bearer ID token (its {@code sub} and {@code email}), or else from {@code
   * X-Dev-User}; 401 without either, and for a token the local pool did not issue or that expired.
   */
  @Singleton
  static final class DevCallerBinder implements TypedRequestArgumentBinder<Caller> {
    private static final String BEARER = "Bearer ";

    private final LocalTokens tokens;

    DevCallerBinder(LocalTokens tokens) {
      this.tokens = tokens;
    }

    @Override
    public Argument<Caller> argumentType() {
      return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(
        ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
      Optional<String> authorization = source.getHeaders().findFirst("Authorization");
      if (authorization.isPresent()) {
        Caller caller = fromToken(authorization.get());
        return () -> Optional.of(caller);
      }
      String user =
          source
              .getHeaders()
              .findFirst(USER_HEADER)
              .map(String::trim)
              .filter(FieldChecks::isId)
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

    private Caller fromToken(String authorization) {
      Map<String, Object> claims =
          Optional.of(authorization)
              .filter(value -> value.regionMatches(true, 0, BEARER, 0, BEARER.length()))
              .flatMap(value -> tokens.idClaims(value.substring(BEARER.length()).trim()))
              .orElseThrow(
                  () ->
                      new TwoFactorException(
                          ErrorCode.UNAUTHENTICATED,
                          "The bearer token is not a valid ID token of the dev server's user"
                              + " pool: sign in again."));
      Object email = claims.get("email");
      return new Caller((String) claims.get("sub"), email instanceof String e ? e : null);
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
