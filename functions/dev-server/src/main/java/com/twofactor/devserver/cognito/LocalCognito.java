package com.twofactor.devserver.cognito;

import jakarta.inject.Singleton;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of Cognito's user-pool API the login page needs, on the local pool: {@code SignUp} and
 * {@code AdminCreateUser} (confirmed at once), {@code InitiateAuth} with {@code CUSTOM_AUTH} and
 * {@code SRP_A}, {@code RespondToAuthChallenge} for {@code PASSWORD_VERIFIER} (real SRP, {@link
 * CognitoSrp}) and {@code CUSTOM_CHALLENGE} (the template's triggers decide, {@link
 * InProcessTriggers}), and {@code GetUser}. Requests and answers are Cognito's JSON, field by field
 * as amazon-cognito-identity-js sends and reads them.
 *
 * <p>An unknown user name is answered as Cognito answers it with {@code
 * PreventUserExistenceErrors}: a PASSWORD_VERIFIER challenge of the same shape (a salt stable per
 * name, a random B), then the same {@code NotAuthorizedException} as a wrong password; it never
 * gets tokens. Thread-safe: stateless apart from thread-safe collaborators; a session is handed to
 * one request at a time.
 */
@Singleton
public final class LocalCognito {
  static final String SRP_A = "SRP_A";
  static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
  static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("EEE MMM d H:mm:ss 'UTC' yyyy", Locale.US);

  private final LocalCognitoConfiguration configuration;
  private final LocalUsers users;
  private final SignInSessions sessions;
  private final InProcessTriggers triggers;
  private final LocalTokens tokens;
  private final Clock clock;
  private final SecureRandom random;
  private final byte[] decoyKey = new byte[32];

  LocalCognito(
      LocalCognitoConfiguration configuration,
      LocalUsers users,
      SignInSessions sessions,
      InProcessTriggers triggers,
      LocalTokens tokens,
      Clock clock,
      SecureRandom random) {
    this.configuration = configuration;
    this.users = users;
    this.sessions = sessions;
    this.triggers = triggers;
    this.tokens = tokens;
    this.clock = clock;
    this.random = random;
    random.nextBytes(decoyKey);
  }

  /** Answers one operation ({@code X-Amz-Target} without its service prefix). */
  public Map<String, Object> call(String operation, Map<String, Object> request) {
    return switch (operation) {
      case "SignUp" -> signUp(request);
      case "AdminCreateUser" -> adminCreateUser(request);
      case "InitiateAuth" -> initiateAuth(request);
      case "RespondToAuthChallenge" -> respondToAuthChallenge(request);
      case "GetUser" -> getUser(request);
      default ->
          throw new CognitoException(
              "UnknownOperationException", "The dev server does not offer " + operation + ".");
    };
  }

  private Map<String, Object> signUp(Map<String, Object> request) {
    checkClient(request);
    LocalUser user =
        users.create(
            required(request, "Username"),
            required(request, "Password"),
            attributes(request.get("UserAttributes")));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("UserConfirmed", true);
    answer.put("UserSub", user.sub());
    return answer;
  }

  /**
   * Cognito's admin call, with {@code TemporaryPassword} kept as the password: no forced change.
   */
  private Map<String, Object> adminCreateUser(Map<String, Object> request) {
    if (!configuration.getUserPoolId().equals(request.get("UserPoolId"))) {
      throw new CognitoException(
          "ResourceNotFoundException",
          "User pool " + request.get("UserPoolId") + " does not exist.");
    }
    LocalUser user =
        users.create(
            required(request, "Username"),
            required(request, "TemporaryPassword"),
            attributes(request.get("UserAttributes")));
    double now = clock.millis() / 1000.0;
    Map<String, Object> created = new LinkedHashMap<>();
    created.put("Username", user.username());
    created.put("Attributes", attributeList(user));
    created.put("UserCreateDate", now);
    created.put("UserLastModifiedDate", now);
    created.put("Enabled", true);
    created.put("UserStatus", "CONFIRMED");
    return Map.of("User", created);
  }

  private Map<String, Object> initiateAuth(Map<String, Object> request) {
    checkClient(request);
    String flow = required(request, "AuthFlow");
    if (!"CUSTOM_AUTH".equals(flow)) {
      throw CognitoException.invalidParameter(flow + " flow is not enabled for this client.");
    }
    Map<String, String> parameters = strings(request.get("AuthParameters"), "AuthParameters");
    String name = LocalUsers.normalize(parameter(parameters, "USERNAME"));
    SignInSession session =
        new SignInSession(
            name,
            users.find(name),
            clock.instant(),
            strings(request.get("ClientMetadata"), "ClientMetadata"));
    String srpA = parameters.get("SRP_A");
    return advance(session, srpA);
  }

  private Map<String, Object> respondToAuthChallenge(Map<String, Object> request) {
    checkClient(request);
    String challengeName = required(request, "ChallengeName");
    Map<String, String> responses =
        strings(request.get("ChallengeResponses"), "ChallengeResponses");
    SignInSession session =
        sessions
            .take(request.get("Session") instanceof String token ? token : null)
            .orElseThrow(
                () ->
                    new CognitoException(
                        "NotAuthorizedException",
                        "Invalid session for the user, session is expired."));
    if (!challengeName.equals(session.openChallenge)) {
      throw CognitoException.invalidParameter("Invalid challenge name " + challengeName + ".");
    }
    String username = parameter(responses, "USERNAME");
    if (!session.username.equals(username.toLowerCase(Locale.ROOT))) {
      throw CognitoException.notAuthorized();
    }
    if (PASSWORD_VERIFIER.equals(challengeName)) {
      session.record(PASSWORD_VERIFIER, passwordProven(session, responses), null);
    } else {
      boolean correct = triggers.verify(session, parameter(responses, "ANSWER"));
      session.record(CUSTOM_CHALLENGE, correct, session.challengeMetadata);
    }
    return advance(session, null);
  }

  private Map<String, Object> getUser(Map<String, Object> request) {
    Map<String, Object> claims =
        tokens
            .accessClaims(request.get("AccessToken") instanceof String token ? token : null)
            .orElseThrow(
                () -> new CognitoException("NotAuthorizedException", "Invalid Access Token"));
    LocalUser user =
        users
            .find(String.valueOf(claims.get("username")))
            .filter(u -> u.sub().equals(claims.get("sub")))
            .orElseThrow(
                () -> new CognitoException("UserNotFoundException", "User does not exist."));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("Username", user.username());
    answer.put("UserAttributes", attributeList(user));
    return answer;
  }

  /**
   * Asks Define what comes next and does it: SRP_A is answered at once from {@code srpA}, a
   * PASSWORD_VERIFIER or CUSTOM_CHALLENGE is parked for the client, tokens end the sign-in.
   */
  private Map<String, Object> advance(SignInSession session, String srpA) {
    while (true) {
      InProcessTriggers.Decision decision = triggers.define(session);
      if (decision.failAuthentication()) {
        throw CognitoException.notAuthorized();
      }
      if (decision.issueTokens()) {
        LocalUser user = session.user.orElseThrow(CognitoException::notAuthorized);
        if (!session.passed(PASSWORD_VERIFIER)) {
          // This page's pool always proves the password first; a Define that skips it is a bug.
          throw CognitoException.notAuthorized();
        }
        return Map.of("AuthenticationResult", tokens.authenticationResult(user, session.started));
      }
      String next = String.valueOf(decision.challengeName());
      switch (next) {
        case SRP_A -> {
          if (!session.history.isEmpty() || srpA == null) {
            throw CognitoException.invalidParameter("Missing required parameter SRP_A");
          }
          BigInteger clientPublic = hex(srpA);
          if (!CognitoSrp.acceptable(clientPublic)) {
            throw CognitoException.notAuthorized();
          }
          session.clientPublic = clientPublic;
          session.record(SRP_A, true, null);
        }
        case PASSWORD_VERIFIER -> {
          return passwordVerifier(session);
        }
        case CUSTOM_CHALLENGE -> {
          return customChallenge(session);
        }
        default ->
            throw new CognitoException(
                "UserLambdaValidationException",
                "DefineAuthChallenge failed with error: unsupported challenge.");
      }
    }
  }

  private Map<String, Object> passwordVerifier(SignInSession session) {
    if (session.clientPublic == null || session.passed(PASSWORD_VERIFIER)) {
      throw CognitoException.notAuthorized();
    }
    session.salt = session.user.map(LocalUser::salt).orElseGet(() -> decoySalt(session.username));
    session.verifier =
        session.user.map(LocalUser::verifier).orElseGet(() -> decoyVerifier(session.username));
    byte[] b = new byte[32];
    random.nextBytes(b);
    session.serverSecret = new BigInteger(1, b);
    session.serverPublic = CognitoSrp.serverPublic(session.verifier, session.serverSecret);
    session.secretBlock = new byte[64];
    random.nextBytes(session.secretBlock);
    session.openChallenge = PASSWORD_VERIFIER;
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("SALT", session.salt.toString(16));
    parameters.put("SECRET_BLOCK", Base64.getEncoder().encodeToString(session.secretBlock));
    parameters.put("SRP_B", session.serverPublic.toString(16));
    parameters.put("USERNAME", session.username);
    parameters.put("USER_ID_FOR_SRP", session.username);
    return challenge(session, parameters);
  }

  private Map<String, Object> customChallenge(SignInSession session) {
    InProcessTriggers.Challenge challenge = triggers.create(session, CUSTOM_CHALLENGE);
    session.privateParameters = challenge.privateParameters();
    session.challengeMetadata = challenge.metadata();
    session.openChallenge = CUSTOM_CHALLENGE;
    Map<String, Object> parameters = new LinkedHashMap<>(challenge.publicParameters());
    parameters.put("USERNAME", session.username);
    return challenge(session, parameters);
  }

  private Map<String, Object> challenge(SignInSession session, Map<String, Object> parameters) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("ChallengeName", session.openChallenge);
    answer.put("Session", sessions.park(session));
    answer.put("ChallengeParameters", parameters);
    return answer;
  }

  /** The client's claim checked against the key only the right password gives. */
  private boolean passwordProven(SignInSession session, Map<String, String> responses) {
    String timestamp = parameter(responses, "TIMESTAMP");
    byte[] secretBlock;
    byte[] signature;
    try {
      TIMESTAMP.parse(timestamp);
      secretBlock = Base64.getDecoder().decode(parameter(responses, "PASSWORD_CLAIM_SECRET_BLOCK"));
      signature = Base64.getDecoder().decode(parameter(responses, "PASSWORD_CLAIM_SIGNATURE"));
    } catch (DateTimeException | IllegalArgumentException malformed) {
      return false;
    }
    if (!MessageDigest.isEqual(secretBlock, session.secretBlock)) {
      return false;
    }
    byte[] key =
        CognitoSrp.serverKey(
            session.clientPublic, session.serverPublic, session.serverSecret, session.verifier);
    byte[] expected =
        CognitoSrp.claim(
            key, configuration.poolName(), session.username, session.secretBlock, timestamp);
    return MessageDigest.isEqual(expected, signature) && session.user.isPresent();
  }

  /** An unknown name's salt: the same on every attempt, as a real user's would be. */
  private BigInteger decoySalt(String username) {
    byte[] mac = CognitoSrp.hmac(decoyKey, ("salt:" + username).getBytes(StandardCharsets.UTF_8));
    return new BigInteger(1, java.util.Arrays.copyOf(mac, 16));
  }

  private BigInteger decoyVerifier(String username) {
    byte[] mac = CognitoSrp.hmac(decoyKey, ("v:" + username).getBytes(StandardCharsets.UTF_8));
    return CognitoSrp.G.modPow(new BigInteger(1, mac), CognitoSrp.N);
  }

  private void checkClient(Map<String, Object> request) {
    Object clientId = request.get("ClientId");
    if (!configuration.getClientId().equals(clientId)) {
      throw new CognitoException(
          "ResourceNotFoundException", "User pool client " + clientId + " does not exist.");
    }
  }

  private static BigInteger hex(String value) {
    try {
      return new BigInteger(value, 16);
    } catch (NumberFormatException e) {
      throw CognitoException.invalidParameter("SRP_A is not a hexadecimal number.");
    }
  }

  private static String required(Map<String, Object> request, String field) {
    Object value = request.get(field);
    if (!(value instanceof String text) || text.isEmpty()) {
      throw CognitoException.invalidParameter("Missing required parameter " + field);
    }
    return text;
  }

  private static String parameter(Map<String, String> parameters, String name) {
    String value = parameters.get(name);
    if (value == null || value.isEmpty()) {
      throw CognitoException.invalidParameter("Missing required parameter " + name);
    }
    return value;
  }

  private static Map<String, String> strings(Object value, String field) {
    if (value == null) {
      return Map.of();
    }
    if (!(value instanceof Map<?, ?> map)) {
      throw CognitoException.invalidParameter(field + " is not a map of strings.");
    }
    Map<String, String> strings = new LinkedHashMap<>();
    map.forEach(
        (k, v) -> {
          if (!(v instanceof String text)) {
            throw CognitoException.invalidParameter(field + " is not a map of strings.");
          }
          strings.put(String.valueOf(k), text);
        });
    return strings;
  }

  /** Cognito's {@code [{"Name":..,"Value":..}]} as a map. */
  private static Map<String, String> attributes(Object value) {
    Map<String, String> attributes = new LinkedHashMap<>();
    if (value == null) {
      return attributes;
    }
    if (!(value instanceof List<?> list)) {
      throw CognitoException.invalidParameter("UserAttributes is not a list.");
    }
    for (Object item : list) {
      if (!(item instanceof Map<?, ?> attribute)
          || !(attribute.get("Name") instanceof String name)
          || !(attribute.get("Value") instanceof String text)) {
        throw CognitoException.invalidParameter("Invalid user attribute.");
      }
      attributes.put(name, text);
    }
    return attributes;
  }

  private static List<Map<String, String>> attributeList(LocalUser user) {
    List<Map<String, String>> list = new ArrayList<>();
    user.attributes().forEach((name, value) -> list.add(Map.of("Name", name, "Value", value)));
    return list;
  }
}
