package com.twofactor.devserver.cognito;

import com.twofactor.devserver.TemplateFunctions;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user pool's custom-authentication triggers: the Define, Create and Verify functions of
 * template.yaml, run in-process ({@link TemplateFunctions}) with the events Cognito sends them (see
 * events/cognito-auth), {@code userNotFound} included. A trigger that throws ends the sign-in with
 * Cognito's {@code UserLambdaValidationException}. Thread-safe: stateless apart from thread-safe
 * collaborators.
 */
@Singleton
final class InProcessTriggers {
  static final String DEFINE = "DefineAuthChallengeFunction";
  static final String CREATE = "CreateAuthChallengeFunction";
  static final String VERIFY = "VerifyAuthChallengeFunction";
  private static final Logger LOG = LoggerFactory.getLogger(InProcessTriggers.class);

  private final TemplateFunctions functions;
  private final LocalCognitoConfiguration configuration;
  private final JsonMapper json;

  InProcessTriggers(
      TemplateFunctions functions, LocalCognitoConfiguration configuration, JsonMapper json) {
    this.functions = functions;
    this.configuration = configuration;
    this.json = json;
  }

  /** Define's decision on the session so far. */
  record Decision(String challengeName, boolean issueTokens, boolean failAuthentication) {}

  /** Create's challenge: public parameters for the client, private ones for Verify. */
  record Challenge(
      Map<String, String> publicParameters,
      Map<String, String> privateParameters,
      String metadata) {}

  Decision define(SignInSession session) {
    Map<String, Object> request = request(session);
    request.put("session", List.copyOf(session.history));
    Map<String, Object> response =
        run(DEFINE, "DefineAuthChallenge_Authentication", session, request);
    return new Decision(
        (String) response.get("challengeName"),
        Boolean.TRUE.equals(response.get("issueTokens")),
        Boolean.TRUE.equals(response.get("failAuthentication")));
  }

  Challenge create(SignInSession session, String challengeName) {
    Map<String, Object> request = request(session);
    request.put("challengeName", challengeName);
    request.put("session", List.copyOf(session.history));
    Map<String, Object> response =
        run(CREATE, "CreateAuthChallenge_Authentication", session, request);
    return new Challenge(
        strings(response.get("publicChallengeParameters")),
        strings(response.get("privateChallengeParameters")),
        (String) response.get("challengeMetadata"));
  }

  boolean verify(SignInSession session, String answer) {
    Map<String, Object> request = request(session);
    request.put("privateChallengeParameters", session.privateParameters);
    request.put("challengeAnswer", answer);
    Map<String, Object> response =
        run(VERIFY, "VerifyAuthChallengeResponse_Authentication", session, request);
    return Boolean.TRUE.equals(response.get("answerCorrect"));
  }

  /** What every request carries: the user's attributes ({} for an unknown user) and metadata. */
  private static Map<String, Object> request(SignInSession session) {
    Map<String, Object> request = new LinkedHashMap<>();
    Map<String, String> attributes = new LinkedHashMap<>();
    session.user.ifPresent(
        user -> {
          attributes.putAll(user.attributes());
          attributes.put("cognito:user_status", "CONFIRMED");
        });
    request.put("userAttributes", attributes);
    if (!session.clientMetadata.isEmpty()) {
      request.put("clientMetadata", session.clientMetadata);
    }
    request.put("userNotFound", session.userNotFound());
    return request;
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> run(
      String functionId, String triggerSource, SignInSession session, Map<String, Object> request) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("version", "1");
    event.put("region", "local");
    event.put("userPoolId", configuration.getUserPoolId());
    event.put("userName", session.username);
    event.put(
        "callerContext",
        Map.of(
            "awsSdkVersion", "aws-sdk-unknown-unknown", "clientId", configuration.getClientId()));
    event.put("triggerSource", triggerSource);
    event.put("request", request);
    event.put("response", Map.of());
    String trigger = triggerSource.substring(0, triggerSource.indexOf('_'));
    try {
      String answer = functions.invoke(functionId, json.writeValueAsString(event));
      Map<String, Object> result =
          json.readValue(answer, Argument.mapOf(String.class, Object.class));
      Object response = result == null ? null : result.get("response");
      if (!(response instanceof Map)) {
        throw new IOException("no response");
      }
      return (Map<String, Object>) response;
    } catch (IOException | RuntimeException failed) {
      LOG.warn("{} trigger failed: {}", trigger, failed.getClass().getSimpleName());
      throw new CognitoException(
          "UserLambdaValidationException", trigger + " failed with error " + trigger + " failed.");
    }
  }

  private static Map<String, String> strings(Object value) {
    Map<String, String> strings = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> strings.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
    }
    return strings;
  }
}
