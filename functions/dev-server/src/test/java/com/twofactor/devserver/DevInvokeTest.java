package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.core.type.Argument;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Cognito loop through {@code POST /dev/invoke/{FunctionLogicalId}} with the files of
 * events/cognito-auth, after enrolling the events' user over the API: the handlers template.yaml
 * names run in-process on the dev server's state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class DevInvokeTest {
  private static final String SUB = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  @AutoClose private final EmbeddedServer server = DevServers.startWithTemplate();
  private final HttpApi api = new HttpApi(server.getURI());
  private final MutableClock clock = DevServers.clock(server);

  private static Path root() {
    return DevServers.projectRoot();
  }

  private static String event(String file) throws IOException {
    return Files.readString(root().resolve("events/cognito-auth").resolve(file));
  }

  /** An event file with its challenge answer replaced. */
  private static String withAnswer(String file, String answer) throws IOException {
    Map<String, Object> event =
        JSON.readValue(event(file), Argument.mapOf(String.class, Object.class));
    @SuppressWarnings("unchecked")
    Map<String, Object> request = (Map<String, Object>) event.get("request");
    request.put("challengeAnswer", answer);
    return JSON.writeValueAsString(event);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> invoke(String functionId, String event) {
    Answer answer = api.post("/dev/invoke/" + functionId, null, event);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return (Map<String, Object>) answer.json().get("response");
  }

  @Test
  void cognitoLoop_runsThroughTheTemplatesHandlersOnTheDevServersState() throws IOException {
    assertThat(invoke("DefineAuthChallengeFunction", event("define-after-password.json")))
        .containsEntry("issueTokens", true);

    String secret = (String) api.post("/two-factor/totp", SUB, null).json().get("secret");
    byte[] raw = Base32.decode(secret);
    api.post(
        "/two-factor/totp/confirm",
        SUB,
        "{\"code\":\"" + TotpCodes.at(raw, clock.instant()) + "\"}");

    assertThat(invoke("DefineAuthChallengeFunction", event("define-start.json")))
        .containsEntry("challengeName", "SRP_A");
    assertThat(invoke("DefineAuthChallengeFunction", event("define-after-password.json")))
        .containsEntry("challengeName", "CUSTOM_CHALLENGE")
        .containsEntry("issueTokens", false);
    Map<String, Object> created =
        invoke("CreateAuthChallengeFunction", event("create-custom-challenge.json"));
    assertThat(created.get("publicChallengeParameters"))
        .isEqualTo(
            Map.of("methods", "totp,backup_code", "defaultMethod", "totp", "attemptsLeft", "3"));

    String wrong = TotpCodes.wrongAt(raw, clock.instant());
    assertThat(invoke("VerifyAuthChallengeFunction", withAnswer("verify-code.json", wrong)))
        .containsEntry("answerCorrect", false);
    String right = TotpCodes.nextAfter(raw, clock.instant());
    assertThat(invoke("VerifyAuthChallengeFunction", withAnswer("verify-code.json", right)))
        .containsEntry("answerCorrect", true);
    assertThat(invoke("VerifyAuthChallengeFunction", withAnswer("verify-code.json", right)))
        .as("a replayed code")
        .containsEntry("answerCorrect", false);
    assertThat(invoke("DefineAuthChallengeFunction", event("define-after-correct-code.json")))
        .containsEntry("issueTokens", true);
    assertThat(invoke("DefineAuthChallengeFunction", event("define-after-three-wrong-codes.json")))
        .containsEntry("failAuthentication", true);
  }

  @Test
  void apiFunctions_andUnknownIdsAreExplained() throws IOException {
    Answer api404 =
        api.post(
            "/dev/invoke/EnrollmentFunction",
            null,
            Files.readString(root().resolve("events/enrollment/get-status.json")));
    Answer unknown = api.post("/dev/invoke/NoSuchFunction", null, "{}");

    assertThat(api404.status()).isEqualTo(404);
    assertThat((String) api404.json().get("detail")).contains("API function");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(List.of(api404.contentType(), unknown.contentType()))
        .containsOnly("application/problem+json");
  }
}
