package com.twofactor.devserver.cognito;

import io.micronaut.context.BeanProvider;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * ID and access tokens with the claims Cognito puts in them, signed by {@link TokenKeys}, and the
 * checks a relying party makes on them: signature, {@code exp}, {@code iss}, {@code token_use}, and
 * {@code aud} (ID token) or {@code client_id} (access token). Thread-safe: stateless apart from
 * thread-safe collaborators.
 */
@Singleton
public final class LocalTokens {
  private final TokenKeys keys;
  private final LocalCognitoConfiguration configuration;
  private final Clock clock;
  private final BeanProvider<EmbeddedServer> server;

  public LocalTokens(
      TokenKeys keys,
      LocalCognitoConfiguration configuration,
      Clock clock,
      BeanProvider<EmbeddedServer> server) {
    this.keys = keys;
    this.configuration = configuration;
    this.clock = clock;
    this.server = server;
  }

  /** {@code http://localhost:<port>/<userPoolId>} unless configured. */
  public String issuer() {
    if (!configuration.getIssuer().isBlank()) {
      return configuration.getIssuer();
    }
    return "http://localhost:" + server.get().getPort() + "/" + configuration.getUserPoolId();
  }

  /** Cognito's {@code AuthenticationResult}: no refresh token, the dev server cannot refresh. */
  public Map<String, Object> authenticationResult(LocalUser user, Instant authTime) {
    long now = clock.instant().getEpochSecond();
    long exp = now + configuration.getTokenValidity().toSeconds();
    String originJti = UUID.randomUUID().toString();
    String eventId = UUID.randomUUID().toString();

    Map<String, Object> id = new LinkedHashMap<>();
    id.put("sub", user.sub());
    user.attributes()
        .forEach(
            (name, value) -> {
              if (!name.equals("sub")) {
                id.put(name, value);
              }
            });
    id.put("iss", issuer());
    id.put("cognito:username", user.username());
    id.put("origin_jti", originJti);
    id.put("aud", configuration.getClientId());
    id.put("event_id", eventId);
    id.put("token_use", "id");
    id.put("auth_time", authTime.getEpochSecond());
    id.put("exp", exp);
    id.put("iat", now);
    id.put("jti", UUID.randomUUID().toString());

    Map<String, Object> access = new LinkedHashMap<>();
    access.put("sub", user.sub());
    access.put("iss", issuer());
    access.put("client_id", configuration.getClientId());
    access.put("origin_jti", originJti);
    access.put("event_id", eventId);
    access.put("token_use", "access");
    access.put("scope", "aws.cognito.signin.user.admin");
    access.put("auth_time", authTime.getEpochSecond());
    access.put("exp", exp);
    access.put("iat", now);
    access.put("jti", UUID.randomUUID().toString());
    access.put("username", user.username());

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("AccessToken", keys.sign(access));
    result.put("ExpiresIn", configuration.getTokenValidity().toSeconds());
    result.put("TokenType", "Bearer");
    result.put("IdToken", keys.sign(id));
    return result;
  }

  /** The claims of a valid ID token of this pool and client; empty otherwise. */
  public Optional<Map<String, Object>> idClaims(String token) {
    return valid(token, "id").filter(c -> configuration.getClientId().equals(c.get("aud")));
  }

  /** The claims of a valid access token of this pool and client; empty otherwise. */
  public Optional<Map<String, Object>> accessClaims(String token) {
    return valid(token, "access")
        .filter(c -> configuration.getClientId().equals(c.get("client_id")));
  }

  private Optional<Map<String, Object>> valid(String token, String use) {
    long now = clock.instant().getEpochSecond();
    return keys.verify(token)
        .filter(c -> use.equals(c.get("token_use")))
        .filter(c -> issuer().equals(c.get("iss")))
        .filter(c -> c.get("exp") instanceof Number exp && exp.longValue() > now)
        .filter(c -> c.get("sub") instanceof String sub && !sub.isBlank());
  }
}
