package com.twofactor.devserver.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.DevServers;
import com.twofactor.devserver.HttpApi;
import com.twofactor.devserver.cognito.CognitoWire.Reply;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signing in to the dev server's local Cognito as amazon-cognito-identity-js does (its requests,
 * and its SRP in {@link SrpTestClient}): the password by real SRP, then the template's Define,
 * Create and Verify triggers in-process, tokens at the end; unknown names answered like wrong
 * passwords.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class LocalCognitoSignInTest {
  private static final String PASSWORD = "Correct-Horse-9";
  private static final String INCORRECT = "Incorrect username or password.";
  private static final AtomicInteger NAMES = new AtomicInteger();

  private EmbeddedServer server;
  private MutableClock clock;
  private CognitoWire wire;
  private SignInSteps steps;
  private HttpApi api;

  @BeforeAll
  void start() {
    server = DevServers.startWithTemplate();
    clock = DevServers.clock(server);
    wire = new CognitoWire(server.getURI());
    steps = new SignInSteps(wire, clock::instant);
    api = new HttpApi(server.getURI());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  private static String newName() {
    return "user" + NAMES.incrementAndGet() + "@example.com";
  }

  private String newUser() {
    String name = newName();
    assertThat(steps.signUp(name, PASSWORD).status()).isEqualTo(200);
    return name;
  }

  private static void assertIncorrect(Reply reply) {
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.type()).isEqualTo("NotAuthorizedException");
    assertThat(reply.errorTypeHeader()).isEqualTo("NotAuthorizedException");
    assertThat(reply.message()).isEqualTo(INCORRECT);
    assertThat(reply.json()).doesNotContainKey("AuthenticationResult");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> payload(String jwt) {
    try {
      return ObjectMapper.getDefault()
          .readValue(
              Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
              Argument.mapOf(String.class, Object.class));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sets up an authenticator app over the API as the signed-in user; returns its secret. */
  private byte[] enrollTotp(String idToken) {
    Map<String, String> bearer = Map.of("Authorization", "Bearer " + idToken);
    HttpApi.Answer started = api.send("POST", "/two-factor/totp", null, bearer, null);
    assertThat(started.status()).isEqualTo(200);
    byte[] secret = Base32.decode((String) started.json().get("secret"));
    HttpApi.Answer confirmed =
        api.send(
            "POST",
            "/two-factor/totp/confirm",
            null,
            Map.of("Authorization", "Bearer " + idToken, "Content-Type", "application/json"),
            "{\"code\":\"" + TotpCodes.at(secret, clock.instant()) + "\"}");
    assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
    return secret;
  }

  @Test
  void signUp_createsAConfirmedUserWithAUuidSub() {
    Reply reply = steps.signUp(newName(), PASSWORD);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).startsWith("application/x-amz-json-1.1");
    assertThat(reply.json()).containsEntry("UserConfirmed", true);
    assertThat(UUID.fromString((String) reply.json().get("UserSub"))).isNotNull();
  }

  @Test
  void signUp_refusesATakenNameInAnyCaseAndAWeakPassword() {
    String name = newUser();

    Reply taken = steps.signUp(name.toUpperCase(), PASSWORD);
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.type()).isEqualTo("UsernameExistsException");

    Reply weak = steps.signUp(newName(), "short1A");
    assertThat(weak.type()).isEqualTo("InvalidPasswordException");
    assertThat(weak.message()).startsWith("Password did not conform with policy");
    assertThat(steps.signUp(newName(), "no-digits-at-All").type())
        .isEqualTo("InvalidPasswordException");
  }

  @Test
  void rightPassword_withoutSecondFactor_getsCognitoShapedTokens() {
    String name = newUser();

    Reply reply = steps.signIn(name, PASSWORD);

    assertThat(reply.status()).as(reply.json().toString()).isEqualTo(200);
    Map<String, Object> result = reply.result();
    assertThat(result)
        .containsEntry("TokenType", "Bearer")
        .containsEntry("ExpiresIn", 3600)
        .containsKeys("IdToken", "AccessToken");
    Map<String, Object> id = payload((String) result.get("IdToken"));
    String issuer = "http://localhost:" + server.getPort() + "/local_devserver";
    assertThat(id)
        .containsEntry("iss", issuer)
        .containsEntry("aud", SignInSteps.CLIENT_ID)
        .containsEntry("token_use", "id")
        .containsEntry("cognito:username", name)
        .containsEntry("email", name)
        .containsKeys("sub", "exp", "iat", "auth_time", "jti");
    assertThat(((Number) id.get("exp")).longValue() - ((Number) id.get("iat")).longValue())
        .isEqualTo(3600);
    Map<String, Object> access = payload((String) result.get("AccessToken"));
    assertThat(access)
        .containsEntry("client_id", SignInSteps.CLIENT_ID)
        .containsEntry("token_use", "access")
        .containsEntry("sub", id.get("sub"))
        .containsEntry("username", name);

    Reply user = wire.call("GetUser", Map.of("AccessToken", result.get("AccessToken")));
    assertThat(user.json()).containsEntry("Username", name);
    assertThat(user.json().get("UserAttributes").toString()).contains((String) id.get("sub"));
    assertThat(wire.call("GetUser", Map.of("AccessToken", result.get("IdToken"))).type())
        .as("an ID token is no access token")
        .isEqualTo("NotAuthorizedException");
  }

  @Test
  void wrongPassword_isNotAuthorized() {
    String name = newUser();

    assertIncorrect(steps.signIn(name, "Correct-Horse-8"));
  }

  @Test
  void unknownName_getsTheSameChallenge_thenTheWrongPasswordAnswer_neverTokens() {
    String real = newUser();
    Reply realChallenge = steps.initiate(real, SrpTestClient.random());
    String unknown = newName();

    Reply first = steps.initiate(unknown, SrpTestClient.random());
    Reply second = steps.initiate(unknown, SrpTestClient.random());

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).containsEntry("ChallengeName", "PASSWORD_VERIFIER");
    assertThat(first.json().keySet()).isEqualTo(realChallenge.json().keySet());
    assertThat(first.parameters().keySet()).isEqualTo(realChallenge.parameters().keySet());
    assertThat(first.parameters()).containsEntry("USER_ID_FOR_SRP", unknown);
    assertThat(first.parameters().get("SALT")).isEqualTo(second.parameters().get("SALT"));
    assertThat(first.parameters().get("SRP_B")).isNotEqualTo(second.parameters().get("SRP_B"));
    assertIncorrect(steps.signIn(unknown, PASSWORD));
  }

  @Test
  void realName_keepsItsSaltAcrossSignIns() {
    String name = newUser();
    Reply first = steps.initiate(name, SrpTestClient.random());
    Reply second = steps.initiate(name, SrpTestClient.random());

    assertThat(first.parameters().get("SALT")).isEqualTo(second.parameters().get("SALT"));
    assertThat(first.parameters().get("SRP_B")).isNotEqualTo(second.parameters().get("SRP_B"));
  }

  @Test
  void clientValueCongruentToZero_isRefused() {
    String name = newUser();

    assertIncorrect(steps.initiate(name, "0"));
    assertIncorrect(steps.initiate(name, CognitoSrp.N.toString(16)));
    assertIncorrect(steps.initiate(name, CognitoSrp.N.shiftLeft(1).toString(16)));
  }

  @Test
  void session_answersOneStepOnly() {
    String name = newUser();
    SrpTestClient client = SrpTestClient.random();
    Reply challenge = steps.initiate(name, client);
    Map<String, String> claim = steps.claim(challenge, client, PASSWORD);

    assertThat(steps.respond("PASSWORD_VERIFIER", claim, challenge.session()).status())
        .isEqualTo(200);
    Reply replay = steps.respond("PASSWORD_VERIFIER", claim, challenge.session());
    assertThat(replay.type()).isEqualTo("NotAuthorizedException");
    assertThat(replay.message()).isEqualTo("Invalid session for the user, session is expired.");
  }

  @Test
  void session_expiresAfterThreeMinutes() {
    String name = newUser();
    SrpTestClient client = SrpTestClient.random();
    Reply challenge = steps.initiate(name, client);

    clock.advance(Duration.ofMinutes(3).plusSeconds(1));
    Reply late = steps.password(challenge, client, PASSWORD);

    assertThat(late.type()).isEqualTo("NotAuthorizedException");
    assertThat(late.message()).isEqualTo("Invalid session for the user, session is expired.");
  }

  @Test
  void tamperedClaim_isNotAuthorized() {
    String name = newUser();
    SrpTestClient client = SrpTestClient.random();
    Reply challenge = steps.initiate(name, client);
    Map<String, String> claim = new java.util.HashMap<>(steps.claim(challenge, client, PASSWORD));
    claim.put("TIMESTAMP", SrpTestClient.timestamp(clock.instant().plusSeconds(1)));

    assertIncorrect(steps.respond("PASSWORD_VERIFIER", claim, challenge.session()));
  }

  @Test
  void userWithAnAuthenticatorApp_getsTheCustomChallenge_thenTokensForTheRightCode() {
    String name = newUser();
    String idToken = (String) steps.signIn(name, PASSWORD).result().get("IdToken");
    byte[] secret = enrollTotp(idToken);
    clock.advance(Duration.ofSeconds(30));

    Reply challenge = steps.signIn(name, PASSWORD);
    assertThat(challenge.status()).as(challenge.json().toString()).isEqualTo(200);
    assertThat(challenge.json()).containsEntry("ChallengeName", "CUSTOM_CHALLENGE");
    assertThat(challenge.parameters())
        .containsEntry("methods", "totp,backup_code")
        .containsEntry("defaultMethod", "totp")
        .containsEntry("USERNAME", name);

    Reply wrong = steps.answer(challenge, TotpCodes.wrongAt(secret, clock.instant()));
    assertThat(wrong.json()).containsEntry("ChallengeName", "CUSTOM_CHALLENGE");
    Reply right = steps.answer(wrong, TotpCodes.at(secret, clock.instant()));

    assertThat(right.status()).as(right.json().toString()).isEqualTo(200);
    assertThat(payload((String) right.result().get("IdToken")))
        .containsEntry("sub", payload(idToken).get("sub"));
  }

  /** The last code texted to {@code phone}, from the dev outbox. */
  private String lastCodeTo(String phone) {
    List<Map<String, Object>> outbox = api.get("/dev/sms-outbox", null).jsonList();
    for (int i = outbox.size() - 1; i >= 0; i--) {
      if (phone.equals(outbox.get(i).get("to"))) {
        var code =
            java.util.regex.Pattern.compile("\\b(\\d{6})\\b")
                .matcher((String) outbox.get(i).get("body"));
        assertThat(code.find()).isTrue();
        return code.group(1);
      }
    }
    throw new AssertionError("no SMS to " + phone);
  }

  @Test
  void userWithAPhone_asksForAnSms_thenSignsInWithTheTextedCode() {
    String name = newUser();
    String phone = "+12015550" + (100 + NAMES.incrementAndGet());
    String idToken = (String) steps.signIn(name, PASSWORD).result().get("IdToken");
    Map<String, String> json =
        Map.of("Authorization", "Bearer " + idToken, "Content-Type", "application/json");
    assertThat(
            api.send("POST", "/two-factor/sms", null, json, "{\"phoneNumber\":\"" + phone + "\"}")
                .status())
        .isEqualTo(200);
    assertThat(
            api.send(
                    "POST",
                    "/two-factor/sms/confirm",
                    null,
                    json,
                    "{\"code\":\"" + lastCodeTo(phone) + "\"}")
                .status())
        .isEqualTo(200);
    clock.advance(Duration.ofSeconds(31));

    Reply challenge = steps.signIn(name, PASSWORD);
    assertThat(challenge.parameters())
        .containsEntry("methods", "sms,backup_code")
        .containsEntry("defaultMethod", "sms")
        .containsKey("phoneHint");
    Reply sent = steps.answer(challenge, "{\"action\":\"send_sms\"}");
    assertThat(sent.json()).containsEntry("ChallengeName", "CUSTOM_CHALLENGE");
    Reply signedIn = steps.answer(sent, lastCodeTo(phone));

    assertThat(signedIn.status()).as(signedIn.json().toString()).isEqualTo(200);
    assertThat(signedIn.result()).containsKey("IdToken");
  }

  @Test
  void wrongPassword_forAUserWithTwoFactor_neverReachesTheCode() {
    String name = newUser();
    enrollTotp((String) steps.signIn(name, PASSWORD).result().get("IdToken"));

    assertIncorrect(steps.signIn(name, "Correct-Horse-8"));
  }

  @Test
  void threeWrongCodes_endTheSignIn() {
    String name = newUser();
    byte[] secret = enrollTotp((String) steps.signIn(name, PASSWORD).result().get("IdToken"));
    String wrongCode = TotpCodes.wrongAt(secret, clock.instant());

    Reply challenge = steps.signIn(name, PASSWORD);
    Reply second = steps.answer(challenge, wrongCode);
    Reply third = steps.answer(second, wrongCode);
    assertThat(third.json()).containsEntry("ChallengeName", "CUSTOM_CHALLENGE");
    Reply ended = steps.answer(third, wrongCode);

    assertIncorrect(ended);
  }

  @Test
  void adminCreateUser_makesAUserThatSignsIn() {
    String name = newName();
    Reply created =
        wire.call(
            "AdminCreateUser",
            Map.of(
                "UserPoolId",
                SignInSteps.USER_POOL_ID,
                "Username",
                name,
                "TemporaryPassword",
                PASSWORD,
                "UserAttributes",
                List.of(Map.of("Name", "email", "Value", name))));

    assertThat(created.status()).as(created.json().toString()).isEqualTo(200);
    assertThat(created.json().get("User").toString()).contains("CONFIRMED");
    assertThat(steps.signIn(name, PASSWORD).result()).containsKey("IdToken");
  }

  @Test
  void otherClientsPoolsAndOperations_areRefusedAsCognitoDoes() {
    Reply client =
        wire.call("SignUp", Map.of("ClientId", "other", "Username", "x", "Password", PASSWORD));
    assertThat(client.type()).isEqualTo("ResourceNotFoundException");
    Reply flow =
        wire.call(
            "InitiateAuth",
            Map.of(
                "AuthFlow",
                "USER_PASSWORD_AUTH",
                "ClientId",
                SignInSteps.CLIENT_ID,
                "AuthParameters",
                Map.of("USERNAME", "x", "PASSWORD", PASSWORD)));
    assertThat(flow.type()).isEqualTo("InvalidParameterException");
    assertThat(wire.call("ForgotPassword", Map.of()).type()).isEqualTo("UnknownOperationException");
  }

  @Test
  void jwks_publishesTheKeyThatSignedTheTokens() throws Exception {
    String name = newUser();
    String idToken = (String) steps.signIn(name, PASSWORD).result().get("IdToken");
    Map<String, Object> jwks =
        ObjectMapper.getDefault()
            .readValue(
                api.raw("/.well-known/jwks.json").body(),
                Argument.mapOf(String.class, Object.class));
    assertThat(api.raw("/local_devserver/.well-known/jwks.json").body())
        .isEqualTo(api.raw("/.well-known/jwks.json").body());
    @SuppressWarnings("unchecked")
    Map<String, String> key = ((List<Map<String, String>>) jwks.get("keys")).get(0);

    java.security.PublicKey publicKey =
        java.security.KeyFactory.getInstance("RSA")
            .generatePublic(
                new java.security.spec.RSAPublicKeySpec(
                    new java.math.BigInteger(1, Base64.getUrlDecoder().decode(key.get("n"))),
                    new java.math.BigInteger(1, Base64.getUrlDecoder().decode(key.get("e")))));
    String[] parts = idToken.split("\\.");
    java.security.Signature rs256 = java.security.Signature.getInstance("SHA256withRSA");
    rs256.initVerify(publicKey);
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
    assertThat(key).containsEntry("alg", "RS256").containsEntry("kty", "RSA");
  }
}
