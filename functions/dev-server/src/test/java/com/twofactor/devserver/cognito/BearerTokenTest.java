package com.twofactor.devserver.cognito;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.devserver.DevServers;
import com.twofactor.devserver.HttpApi;
import com.twofactor.testkit.MutableClock;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The dev server's API routes take the caller from an ID token of its local pool, checked as API
 * Gateway's Cognito authorizer checks it, and refuse with a 401 problem a token it did not sign, an
 * expired one, a changed one, an unsigned one, and an access token; {@code X-Dev-User} keeps
 * working for curl.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class BearerTokenTest {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private EmbeddedServer server;
  private MutableClock clock;
  private SignInSteps steps;
  private HttpApi api;
  private Map<String, Object> tokens;
  private int users;

  @BeforeAll
  void start() {
    server = DevServers.start();
    clock = DevServers.clock(server);
    steps = new SignInSteps(new CognitoWire(server.getURI()), clock::instant);
    api = new HttpApi(server.getURI());
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @BeforeEach
  void signIn() {
    String name = "bearer" + ++users + "@example.com";
    steps.signUp(name, "Correct-Horse-9");
    tokens = steps.signIn(name, "Correct-Horse-9").result();
  }

  private HttpApi.Answer status(String authorization) {
    return api.send("GET", "/two-factor", null, Map.of("Authorization", authorization), null);
  }

  private String idToken() {
    return (String) tokens.get("IdToken");
  }

  private static void assertUnauthenticated(HttpApi.Answer answer) throws Exception {
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    assertThat(answer.json()).containsEntry("code", "unauthenticated");
  }

  private static Map<String, Object> part(String jwt, int index) throws Exception {
    return JSON.readValue(
        Base64.getUrlDecoder().decode(jwt.split("\\.")[index]),
        Argument.mapOf(String.class, Object.class));
  }

  private static String encode(Map<String, Object> json) throws Exception {
    return URL.encodeToString(JSON.writeValueAsBytes(json));
  }

  @Test
  void idToken_isTheCaller() throws Exception {
    HttpApi.Answer answer = status("Bearer " + idToken());

    assertThat(answer.status()).isEqualTo(200);
    String sub = (String) part(idToken(), 1).get("sub");
    // The enrollment it starts is the token's user's: X-Dev-User with the sub sees it.
    api.send(
        "POST", "/two-factor/totp", null, Map.of("Authorization", "Bearer " + idToken()), null);
    assertThat(api.get("/two-factor", sub).json().toString()).contains("totp");
  }

  @Test
  void devUserHeader_keepsWorkingWithoutAToken() {
    assertThat(api.get("/two-factor", "curl-user").status()).isEqualTo(200);
  }

  @Test
  void tokenSignedByAnotherKey_isRefused() throws Exception {
    var other = KeyPairGenerator.getInstance("RSA");
    other.initialize(2048);
    String[] parts = idToken().split("\\.");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(other.generateKeyPair().getPrivate());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    String forged = parts[0] + "." + parts[1] + "." + URL.encodeToString(rs256.sign());

    assertUnauthenticated(status("Bearer " + forged));
  }

  @Test
  void expiredToken_isRefused() throws Exception {
    String token = idToken();
    assertThat(status("Bearer " + token).status()).isEqualTo(200);

    clock.advance(Duration.ofHours(1).plusSeconds(1));

    assertUnauthenticated(status("Bearer " + token));
  }

  @Test
  void changedSub_withTheOriginalSignature_isRefused() throws Exception {
    String[] parts = idToken().split("\\.");
    Map<String, Object> payload = new LinkedHashMap<>(part(idToken(), 1));
    payload.put("sub", "someone-else");
    String changed = parts[0] + "." + encode(payload) + "." + parts[2];

    assertUnauthenticated(status("Bearer " + changed));
  }

  @Test
  void unsignedToken_algNone_isRefused() throws Exception {
    Map<String, Object> header = new LinkedHashMap<>(part(idToken(), 0));
    header.put("alg", "none");
    String unsigned = encode(header) + "." + idToken().split("\\.")[1] + ".";

    assertUnauthenticated(status("Bearer " + unsigned));
  }

  @Test
  void accessToken_isNoIdToken() throws Exception {
    assertUnauthenticated(status("Bearer " + tokens.get("AccessToken")));
  }

  @Test
  void garbageAndOtherSchemes_areRefused() throws Exception {
    assertUnauthenticated(status("Bearer not-a-token"));
    assertUnauthenticated(status("Basic " + idToken()));
  }
}
