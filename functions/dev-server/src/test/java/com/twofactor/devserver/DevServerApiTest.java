package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

/**
 * The API as a client sees it, over HTTP against the dev server (in-process, random port), with
 * every log line of the run captured to prove that no secret or code is logged.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Tag("unit")
class DevServerApiTest {
  private EmbeddedServer server;
  private HttpApi api;
  private MutableClock clock;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private final List<String> secretsSeen = new ArrayList<>();

  @BeforeAll
  void start() {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    ((Logger) LoggerFactory.getLogger("com.twofactor")).setLevel(Level.TRACE);
    logs.start();
    root.addAppender(logs);
    server = DevServers.start();
    api = new HttpApi(server.getURI());
    clock = DevServers.clock(server);
  }

  @AfterAll
  void stop() {
    server.close();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
  }

  /** Sets up TOTP for {@code user} as a person would; returns the secret. */
  private String enroll(String user) {
    Answer setup = api.post("/two-factor/totp", user, null);
    assertThat(setup.status()).isEqualTo(200);
    String secret = (String) setup.json().get("secret");
    secretsSeen.add(secret);
    secretsSeen.add((String) setup.json().get("otpauthUri"));
    String code = TotpCodes.at(Base32.decode(secret), clock.instant());
    secretsSeen.add(code);
    Answer confirmed = api.post("/two-factor/totp/confirm", user, "{\"code\":\"" + code + "\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json()).containsEntry("enabled", true);
    return secret;
  }

  private Answer verify(String user, String code) {
    secretsSeen.add(code);
    return api.post("/two-factor/verify", user, "{\"method\":\"totp\",\"code\":\"" + code + "\"}");
  }

  @Test
  void totp_enrollConfirmVerifyAndRefuseTheReplay() {
    assertThat(api.get("/two-factor", "alice").json()).containsEntry("enabled", false);
    String secret = enroll("alice");
    String code = TotpCodes.nextAfter(Base32.decode(secret), clock.instant());

    Answer first = verify("alice", code);
    Answer replay = verify("alice", code);

    assertThat(first.status()).isEqualTo(200);
    assertThat(first.json()).containsEntry("verified", true).containsEntry("method", "totp");
    assertThat(replay.status()).isEqualTo(400);
    assertThat(replay.contentType()).isEqualTo("application/problem+json");
    assertThat(replay.json()).containsEntry("code", "invalid_code");
  }

  @Test
  void verify_fiveWrongCodesGive429WithRetryAfter() {
    String secret = enroll("mallory-target");
    String wrong = TotpCodes.wrongAt(Base32.decode(secret), clock.instant());
    for (int i = 0; i < 4; i++) {
      assertThat(verify("mallory-target", wrong).status()).isEqualTo(400);
    }

    Answer fifth = verify("mallory-target", wrong);

    assertThat(fifth.status()).isEqualTo(429);
    assertThat(fifth.json()).containsEntry("code", "too_many_attempts");
    assertThat(fifth.retryAfter()).isEqualTo("900");
    assertThat(api.get("/two-factor", "mallory-target").json().get("lockedUntil")).isNotNull();
  }

  @Test
  void status_oneUserNeverSeesAnothersState() {
    enroll("carol");

    assertThat(api.get("/two-factor", "dave").json()).containsEntry("enabled", false);
    assertThat(api.get("/two-factor", "carol").json()).containsEntry("enabled", true);
  }

  @Test
  void missingIdentity_gives401() {
    Answer answer = api.get("/two-factor", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json()).containsEntry("code", "unauthenticated");
  }

  @Test
  void malformedJson_gives400ProblemJson() {
    Answer answer = api.post("/two-factor/verify", "erin", "{\"method\":");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
    assertThat(answer.json()).containsEntry("code", "invalid_request");
  }

  @Test
  void badFields_give400WithFieldErrors() {
    Answer answer = api.post("/two-factor/verify", "erin", "{\"method\":\"fax\",\"code\":\"\"}");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("code", "invalid_request");
    assertThat(answer.body()).contains("\"field\":\"method\"", "\"field\":\"code\"");
  }

  @Test
  void malformedCode_gives400OnTheCodeField() {
    enroll("frank");

    Answer answer = verify("frank", "12-34");

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json()).containsEntry("code", "invalid_request");
    assertThat(answer.body()).contains("\"field\":\"code\"");
  }

  @Test
  void confirmWithoutSetUp_gives409NoPendingEnrollment() {
    Answer answer = api.post("/two-factor/totp/confirm", "grace", "{\"code\":\"123456\"}");

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.json()).containsEntry("code", "no_pending_enrollment");
  }

  @Test
  void internalVerify_isServedWithoutAuthenticationInTheDevServer() {
    String secret = enroll("heidi");

    Answer answer =
        api.post(
            "/internal/users/heidi/two-factor/verify",
            null,
            "{\"method\":\"totp\",\"code\":\""
                + TotpCodes.nextAfter(Base32.decode(secret), clock.instant())
                + "\"}");

    assertThat(answer.status()).isEqualTo(200);
  }

  @Test
  void unknownRoute_gives404ProblemJson() {
    Answer answer = api.get("/nothing", "ivan");

    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json()).containsEntry("code", "not_found");
  }

  private String smsCodeFor(String phone) {
    List<Map<String, Object>> outbox = api.get("/dev/sms-outbox", null).jsonList();
    for (int i = outbox.size() - 1; i >= 0; i--) {
      Map<String, Object> sms = outbox.get(i);
      if (phone.equals(sms.get("to"))) {
        var matcher =
            java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher((String) sms.get("body"));
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
      }
    }
    throw new AssertionError("no SMS to " + phone);
  }

  @Test
  void sms_setUpWithTheTextedCodeThenSignInWithANewOneUsedOnce() {
    String phone = "+12015550142";
    Answer started = api.post("/two-factor/sms", "kim", "{\"phoneNumber\":\"" + phone + "\"}");
    assertThat(started.status()).isEqualTo(200);
    assertThat(started.json()).containsEntry("phoneHint", "+1 ********42");
    assertThat(started.body()).doesNotContain("2015550142");

    Answer confirmed =
        api.post("/two-factor/sms/confirm", "kim", "{\"code\":\"" + smsCodeFor(phone) + "\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    assertThat(confirmed.json()).containsEntry("enabled", true);
    assertThat(confirmed.body()).doesNotContain("2015550142");

    // The send window of the set-up code is still open: a new code waits 30 seconds.
    Answer tooSoon = api.post("/two-factor/sms/code", "kim", null);
    assertThat(tooSoon.status()).isEqualTo(429);
    assertThat(tooSoon.json()).containsEntry("code", "sms_rate_limited");
    assertThat(Integer.parseInt(tooSoon.retryAfter())).isBetween(1, 30);
  }

  @Test
  void sms_aTextedSignInCodeWorksOnceThroughTheInternalRoutes() {
    String phone = "+12015550143";
    api.post("/two-factor/sms", "lee", "{\"phoneNumber\":\"" + phone + "\"}");
    api.post("/two-factor/sms/confirm", "lee", "{\"code\":\"" + smsCodeFor(phone) + "\"}");
    clock.advance(java.time.Duration.ofSeconds(30));

    Answer sent = api.post("/internal/users/lee/two-factor/sms/code", null, null);
    assertThat(sent.status()).isEqualTo(200);
    String code = smsCodeFor(phone);
    String verify = "{\"method\":\"sms\",\"code\":\"" + code + "\"}";

    assertThat(api.post("/two-factor/verify", "lee", verify).status()).isEqualTo(200);
    Answer again = api.post("/two-factor/verify", "lee", verify);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json()).containsEntry("code", "invalid_code");
  }

  @Test
  void stepUp_aStolenSessionCannotAddAnAuthenticatorAppToAnSmsOnlyAccount() {
    String phone = "+12015550144";
    api.post("/two-factor/sms", "olga", "{\"phoneNumber\":\"" + phone + "\"}");
    api.post("/two-factor/sms/confirm", "olga", "{\"code\":\"" + smsCodeFor(phone) + "\"}");

    Answer withoutProof = api.post("/two-factor/totp", "olga", null);
    assertThat(withoutProof.status()).isEqualTo(400);
    assertThat(withoutProof.json()).containsEntry("code", "invalid_request");
    assertThat(withoutProof.body()).contains("\"field\":\"verification\"");
    Answer wrongProof =
        api.post(
            "/two-factor/totp",
            "olga",
            "{\"verification\":{\"method\":\"backup_code\",\"code\":\"2222-2222\"}}");
    assertThat(wrongProof.status()).isEqualTo(400);
    assertThat(wrongProof.json()).containsEntry("code", "invalid_code");

    clock.advance(java.time.Duration.ofSeconds(30));
    assertThat(api.post("/two-factor/sms/code", "olga", null).status()).isEqualTo(200);
    String code = smsCodeFor(phone);
    secretsSeen.add(code);
    Answer withProof =
        api.post(
            "/two-factor/totp",
            "olga",
            "{\"verification\":{\"method\":\"sms\",\"code\":\"" + code + "\"}}");
    assertThat(withProof.status()).isEqualTo(200);
    secretsSeen.add((String) withProof.json().get("secret"));
  }

  @Test
  void perNumber_fifteenAccountsGetThreeCodesToOneNumber() {
    String phone = "+12015550145";
    int sent = 0;
    for (int i = 0; i < 15; i++) {
      Answer answer =
          api.post("/two-factor/sms", "pump-" + i, "{\"phoneNumber\":\"" + phone + "\"}");
      if (answer.status() == 200) {
        sent++;
      } else {
        assertThat(answer.status()).isEqualTo(429);
        assertThat(answer.json()).containsEntry("code", "sms_rate_limited");
        assertThat(Integer.parseInt(answer.retryAfter())).isBetween(1, 15 * 60);
        assertThat(answer.body()).doesNotContain("2015550145");
      }
    }
    assertThat(sent).isEqualTo(3);
  }

  @Test
  void sms_badNumbersGet400OnThePhoneNumberField() {
    for (String number :
        List.of("+449012345678", "+4412", "+2348021234567", "2015550123", "+1201555012")) {
      Answer answer = api.post("/two-factor/sms", "mia", "{\"phoneNumber\":\"" + number + "\"}");
      assertThat(answer.status()).as(number).isEqualTo(400);
      assertThat(answer.json()).containsEntry("code", "invalid_request");
      assertThat(answer.body()).contains("\"field\":\"phoneNumber\"");
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void backupCodes_arriveWithTheFirstConfirmAndEachWorksOnce() {
    Answer setup = api.post("/two-factor/totp", "nora", null);
    String secret = (String) setup.json().get("secret");
    Answer confirmed =
        api.post(
            "/two-factor/totp/confirm",
            "nora",
            "{\"code\":\"" + TotpCodes.at(Base32.decode(secret), clock.instant()) + "\"}");
    List<String> codes =
        (List<String>) ((Map<String, Object>) confirmed.json().get("backupCodes")).get("codes");
    assertThat(codes).hasSize(10);
    secretsSeen.addAll(codes);

    Answer reveal =
        api.post(
            "/two-factor/backup-codes/reveal",
            "nora",
            "{\"verification\":{\"method\":\"totp\",\"code\":\"000000\"}}");
    assertThat(reveal.status()).isIn(400);
    Answer used =
        api.post("/two-factor/backup-codes/consume", "nora", "{\"code\":\"" + codes.get(0) + "\"}");
    assertThat(used.status()).isEqualTo(200);
    assertThat(used.json()).containsEntry("remaining", 9);
    assertThat(
            api.post(
                    "/two-factor/backup-codes/consume",
                    "nora",
                    "{\"code\":\"" + codes.get(0) + "\"}")
                .json())
        .containsEntry("code", "invalid_code");
    assertThat(api.post("/two-factor/backup-codes/consume", "nora", "{\"code\":\"12\"}").status())
        .isEqualTo(400);
    Answer status = api.get("/two-factor", "nora");
    assertThat((Map<String, Object>) status.json().get("backupCodes"))
        .containsEntry("remaining", 9)
        .doesNotContainKey("codes");
  }

  /** Runs last: it checks every line the other tests made (and its own flow). */
  @Test
  void anyChangeWithABodyThatIsNotJson_answers415AsADocumentedProblem() {
    for (String path : List.of("/two-factor/verify", "/two-factor/totp", "/orgs")) {
      Answer answer =
          api.send("POST", path, "mallory", Map.of("Content-Type", "text/plain"), "123456");

      assertThat(answer.status()).as(path).isEqualTo(415);
      assertThat(answer.contentType()).isEqualTo("application/problem+json");
      assertThat(answer.json()).containsEntry("code", "invalid_request");
    }
  }

  /**
   * A header the HTTP server cannot read is refused as an invalid request without blaming the body,
   * which was fine (Java's HTTP client will not send such a header, hence a raw socket).
   */
  @Test
  void aHeaderWithAControlCharacter_isAnInvalidRequest_notABadBody() throws Exception {
    String body = "{\"method\":\"totp\",\"code\":\"123456\"}";
    String answer;
    try (java.net.Socket socket = new java.net.Socket(server.getHost(), server.getPort())) {
      socket
          .getOutputStream()
          .write(
              ("POST /two-factor/verify HTTP/1.1\r\nHost: localhost\r\nX-Dev-User: alice\r\n"
                      + "X-Note: a\u0001b\r\nContent-Type: application/json\r\n"
                      + "Content-Length: "
                      + body.length()
                      + "\r\nConnection: close\r\n\r\n"
                      + body)
                  .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
      answer =
          new String(
              socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(answer).startsWith("HTTP/1.1 400");
    assertThat(answer).containsIgnoringCase("content-type: application/problem+json");
    assertThat(answer).contains("\"code\":\"invalid_request\"").doesNotContain("\"body\"");
  }

  @Test
  void aClientThatAcceptsNoJson_getsA406DocumentedProblem() {
    Answer answer = api.send("GET", "/two-factor", "mallory", Map.of("Accept", "text/html"), null);

    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.contentType()).isEqualTo("application/problem+json");
  }

  @Test
  void branchKeyRotation_keepsEarlierSecretsWorking_andComesAtMostOnceADay() {
    String before = enroll("rosa");
    String rotation = "{\"actor\":\"ops:jane\",\"reason\":\"yearly\"}";
    clock.advance(java.time.Duration.ofDays(1));

    Answer rotated = api.post("/internal/branch-key/rotations", null, rotation);
    Answer again = api.post("/internal/branch-key/rotations", null, rotation);

    assertThat(rotated.status()).isEqualTo(201);
    int version = (Integer) rotated.json().get("version");
    assertThat(rotated.json()).containsEntry("previousVersion", version - 1);
    assertThat(again.status()).isEqualTo(429);
    assertThat(again.json()).containsEntry("code", "key_rotated_recently");
    assertThat(again.retryAfter()).isEqualTo("86400");
    // Sealed under the version before, and under the new one: both open.
    String after = enroll("sam");
    assertThat(verify("rosa", TotpCodes.nextAfter(Base32.decode(before), clock.instant())).status())
        .isEqualTo(200);
    assertThat(verify("sam", TotpCodes.nextAfter(Base32.decode(after), clock.instant())).status())
        .isEqualTo(200);
  }

  @Test
  @Order(Integer.MAX_VALUE)
  void logs_neverContainASecretOrACode() {
    String secret = enroll("judy");
    verify("judy", TotpCodes.nextAfter(Base32.decode(secret), clock.instant()));
    verify("judy", TotpCodes.wrongAt(Base32.decode(secret), clock.instant()));

    List<String> lines =
        logs.list.stream()
            // The SMS outbox prints texted codes on purpose: it is the dev server's phone.
            .filter(e -> !e.getLoggerName().equals("dev-sms-outbox"))
            .map(
                e ->
                    e.getFormattedMessage()
                        + (e.getThrowableProxy() == null
                            ? ""
                            : ThrowableProxyUtil.asString(e.getThrowableProxy())))
            .toList();
    assertThat(lines).anyMatch(line -> line.contains("\"action\":\"totp.enable\""));
    for (String sensitive : secretsSeen) {
      assertThat(lines).noneMatch(line -> line.contains(sensitive));
    }
  }
}
