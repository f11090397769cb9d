package com.twofactor.devserver.cognito;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sign-in between its steps: who is signing in (or the name of a user that does not exist), the
 * challenges so far with their results as Define sees them, and what the open challenge needs to
 * check its answer (the SRP values, or the Create trigger's private parameters). Confined to one
 * request at a time: {@link SignInSessions} hands each session out once.
 */
final class SignInSession {
  final String username;
  final Optional<LocalUser> user;
  final Instant started;
  final Map<String, String> clientMetadata;
  final List<Map<String, Object>> history = new ArrayList<>();

  /** The challenge the client must answer next. */
  String openChallenge;

  BigInteger clientPublic;
  BigInteger serverPublic;
  BigInteger serverSecret;
  BigInteger verifier;
  BigInteger salt;
  byte[] secretBlock;

  Map<String, String> privateParameters = Map.of();
  String challengeMetadata;

  SignInSession(
      String username,
      Optional<LocalUser> user,
      Instant started,
      Map<String, String> clientMetadata) {
    this.username = username;
    this.user = user;
    this.started = started;
    this.clientMetadata = clientMetadata;
  }

  boolean userNotFound() {
    return user.isEmpty();
  }

  /** Appends a step as Cognito lists it in the triggers' {@code session}. */
  void record(String challengeName, boolean result, String metadata) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("challengeName", challengeName);
    step.put("challengeResult", result);
    if (metadata != null) {
      step.put("challengeMetadata", metadata);
    }
    history.add(step);
  }

  boolean passed(String challengeName) {
    return history.stream()
        .anyMatch(
            s ->
                challengeName.equals(s.get("challengeName")) && (boolean) s.get("challengeResult"));
  }
}
