package com.twofactor.devserver.cognito;

import com.twofactor.devserver.cognito.CognitoWire.Reply;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The requests amazon-cognito-identity-js makes for CUSTOM_AUTH with SRP, field by field. */
public final class SignInSteps {
  static final String CLIENT_ID = "dev-server-client";
  static final String USER_POOL_ID = "local_devserver";
  static final String POOL_NAME = "devserver";

  private final CognitoWire wire;
  private final Supplier<Instant> now;

  public SignInSteps(CognitoWire wire, Supplier<Instant> now) {
    this.wire = wire;
    this.now = now;
  }

  public Reply signUp(String username, String password) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ClientId", CLIENT_ID);
    body.put("Username", username);
    body.put("Password", password);
    body.put("UserAttributes", List.of());
    body.put("ValidationData", List.of());
    return wire.call("SignUp", body);
  }

  /** CognitoUser.authenticateUserDefaultAuth with authenticationFlowType CUSTOM_AUTH. */
  Reply initiate(String username, SrpTestClient client) {
    return initiate(username, client.srpA());
  }

  Reply initiate(String username, String srpA) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("USERNAME", username);
    parameters.put("SRP_A", srpA);
    parameters.put("CHALLENGE_NAME", "SRP_A");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("AuthFlow", "CUSTOM_AUTH");
    body.put("ClientId", CLIENT_ID);
    body.put("AuthParameters", parameters);
    body.put("ClientMetadata", Map.of());
    return wire.call("InitiateAuth", body);
  }

  Map<String, String> claim(Reply challenge, SrpTestClient client, String password) {
    return client.passwordVerifier(POOL_NAME, challenge.parameters(), password, now.get());
  }

  Reply respond(String challengeName, Map<String, String> responses, String session) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("ChallengeName", challengeName);
    body.put("ClientId", CLIENT_ID);
    body.put("ChallengeResponses", responses);
    body.put("Session", session);
    body.put("ClientMetadata", Map.of());
    return wire.call("RespondToAuthChallenge", body);
  }

  Reply password(Reply challenge, SrpTestClient client, String password) {
    return respond("PASSWORD_VERIFIER", claim(challenge, client, password), challenge.session());
  }

  /** InitiateAuth and PASSWORD_VERIFIER: the answer after the password. */
  public Reply signIn(String username, String password) {
    SrpTestClient client = SrpTestClient.random();
    Reply challenge = initiate(username, client);
    if (challenge.status() != 200) {
      return challenge;
    }
    return password(challenge, client, password);
  }

  /** CognitoUser.sendCustomChallengeAnswer. */
  public Reply answer(Reply challenge, String answer) {
    Map<String, String> responses = new LinkedHashMap<>();
    responses.put("USERNAME", (String) challenge.parameters().get("USERNAME"));
    responses.put("ANSWER", answer);
    return respond("CUSTOM_CHALLENGE", responses, challenge.session());
  }
}
