package com.twofactor.devserver.cognito;

import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Open sign-in steps by their opaque {@code Session} string. Each string answers one step only
 * (taking it removes it; the next step gets a new one) and expires after {@link
 * LocalCognitoConfiguration#getSessionValidity()} (3 minutes, as Cognito's). Thread-safe: a
 * concurrent map whose {@code remove} lets exactly one of two racing answers have the session.
 */
@Singleton
final class SignInSessions {
  private record Entry(SignInSession session, Instant expiresAt) {}

  private final ConcurrentMap<String, Entry> open = new ConcurrentHashMap<>();
  private final LocalCognitoConfiguration configuration;
  private final Clock clock;
  private final SecureRandom random;

  SignInSessions(LocalCognitoConfiguration configuration, Clock clock, SecureRandom random) {
    this.configuration = configuration;
    this.clock = clock;
    this.random = random;
  }

  /** Parks the session until the client answers; returns the string the client must send. */
  String park(SignInSession session) {
    Instant now = clock.instant();
    open.values().removeIf(entry -> !entry.expiresAt().isAfter(now));
    byte[] id = new byte[96];
    random.nextBytes(id);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    open.put(token, new Entry(session, now.plus(configuration.getSessionValidity())));
    return token;
  }

  /** The session, once: empty if unknown, already answered or expired. */
  Optional<SignInSession> take(String token) {
    if (token == null) {
      return Optional.empty();
    }
    Entry entry = open.remove(token);
    if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(entry.session());
  }
}
