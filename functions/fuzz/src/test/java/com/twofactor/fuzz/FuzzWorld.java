package com.twofactor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.twofactor.aws.apigateway.ApiGatewayHandler;
import com.twofactor.cognitoauth.CreateAuthChallengeHandler;
import com.twofactor.cognitoauth.DefineAuthChallengeHandler;
import com.twofactor.cognitoauth.VerifyAuthChallengeHandler;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.InMemorySmsOutbox;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * One process-wide world for the fuzz tests: every function's real handler on one in-memory context
 * (starting a context per input would make fuzzing a thousand times slower), a victim user with
 * TOTP, SMS and backup codes whose secrets must never show, the routes the controllers serve, a
 * store that inputs can make fail, and every log line captured at INFO and above. Not thread-safe:
 * Jazzer runs inputs one at a time.
 */
final class FuzzWorld {
  /** The user of the files in events/: fuzz inputs act as them more often than not. */
  static final String VICTIM = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  static final String VICTIM_PHONE = "+12015550188";

  private static FuzzWorld instance;

  final ApplicationContext context;
  final ApiGatewayHandler api;
  final DefineAuthChallengeHandler define;
  final CreateAuthChallengeHandler create;
  final VerifyAuthChallengeHandler verify;
  final StoreFaults faults;
  final InMemorySmsOutbox outbox;
  final List<String> routes;
  private static final Pattern JSON_ESCAPE = Pattern.compile("\\\\u[0-9a-fA-F]{4}");

  private final List<String> secrets = new ArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private int sentBefore;

  private FuzzWorld() {
    context =
        ApplicationContext.builder()
            .properties(Map.of("two-factor.ports", "in-memory", "fuzz.faults", "true"))
            .start();
    api = new ApiGatewayHandler(context);
    define = new DefineAuthChallengeHandler(context);
    create = new CreateAuthChallengeHandler(context);
    verify = new VerifyAuthChallengeHandler(context);
    faults = context.getBean(StoreFaults.class);
    outbox = context.getBean(InMemorySmsOutbox.class);
    routes =
        context
            .getBean(Router.class)
            .uriRoutes()
            .map(UriRouteInfo.class::cast)
            .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate().toPathString())
            .filter(route -> !route.startsWith("HEAD "))
            .sorted()
            .distinct()
            .collect(Collectors.toList());
    seedVictim();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.INFO);
    root.detachAppender("STDOUT");
    logs.start();
    root.addAppender(logs);
  }

  static synchronized FuzzWorld get() {
    if (instance == null) {
      instance = new FuzzWorld();
    }
    return instance;
  }

  /**
   * SMS first (a user without a factor needs no proof), then TOTP with a backup code as proof,
   * through the API itself: the seed does not depend on the services' signatures.
   */
  @SuppressWarnings("unchecked")
  private void seedVictim() {
    api.handleRequest(
        ApiEvents.request(
            "POST", "/two-factor/sms", "{\"phoneNumber\":\"" + VICTIM_PHONE + "\"}", VICTIM),
        new MockLambdaContext());
    var confirmed =
        ApiEvents.json(
                api.handleRequest(
                    ApiEvents.request(
                        "POST",
                        "/two-factor/sms/confirm",
                        "{\"code\":\"" + outbox.lastCodeTo(VICTIM_PHONE) + "\"}",
                        VICTIM),
                    new MockLambdaContext()))
            .orElseThrow();
    List<String> backupCodes =
        (List<String>) ((Map<String, Object>) confirmed.get("backupCodes")).get("codes");
    String proof =
        "{\"verification\":{\"method\":\"backup_code\",\"code\":\"" + backupCodes.get(0) + "\"}}";
    String secret =
        (String)
            ApiEvents.json(
                    api.handleRequest(
                        ApiEvents.request("POST", "/two-factor/totp", proof, VICTIM),
                        new MockLambdaContext()))
                .orElseThrow()
                .get("secret");
    var totpConfirmed =
        api.handleRequest(
            ApiEvents.request(
                "POST",
                "/two-factor/totp/confirm",
                "{\"code\":\"" + TotpCodes.at(Base32.decode(secret), Instant.now()) + "\"}",
                VICTIM),
            new MockLambdaContext());
    assertThat(totpConfirmed.getStatusCode()).as("seed: TOTP confirmed").isEqualTo(200);
    secrets.add(secret);
    secrets.add(VICTIM_PHONE);
    secrets.add(VICTIM_PHONE.substring(2));
    for (String code : backupCodes) {
      secrets.add(code);
      secrets.add(code.replace("-", ""));
    }
  }

  /** Starts one input: fault switch set, captured lines and the SMS count reset. */
  void begin(boolean storeFails) {
    faults.arm(storeFails);
    logs.list.clear();
    sentBefore = outbox.messages().size();
  }

  /** Ends one input: the store works again for whatever runs next. */
  void end() {
    faults.arm(false);
  }

  List<ILoggingEvent> logLines() {
    return List.copyOf(logs.list);
  }

  /**
   * No secret of the victim, and no code texted during this input, in {@code text}, unless the
   * input itself carried it (a caller may see what it sent echoed in a validation message). JSON
   * escapes in {@code text} (<code>&#92;u0010</code>) are read as one character: otherwise an
   * escape's last digit followed by what the caller sent could spell a secret that was never there
   * (a fuzzer found one: U+0010, then a backup code's last eight characters).
   */
  void assertNoSecretIn(String what, String text, String input) {
    if (text == null) {
      return;
    }
    text = JSON_ESCAPE.matcher(text).replaceAll("\u00b7");
    for (String secret : secrets) {
      if (!input.contains(secret)) {
        assertThat(text).as("%s leaks a secret of the victim", what).doesNotContain(secret);
      }
    }
    for (InMemorySmsOutbox.Sms sms :
        outbox.messages().subList(sentBefore, outbox.messages().size())) {
      String to = sms.to();
      if (!input.contains(to)) {
        assertThat(text).as("%s leaks a phone number texted", what).doesNotContain(to);
      }
      var matcher = Pattern.compile("\\b(\\d{6})\\b").matcher(sms.body());
      while (matcher.find()) {
        String sent = matcher.group(1);
        if (!input.contains(sent)) {
          assertThat(Pattern.compile("\\b" + sent + "\\b").matcher(text).find())
              .as("%s leaks a code texted", what)
              .isFalse();
        }
      }
    }
  }

  /** Every captured log line: no secret, and no stack trace unless the store was made to fail. */
  void assertLogsClean(String input) {
    for (ILoggingEvent line : logLines()) {
      assertNoSecretIn("log line", line.getFormattedMessage(), input);
      assertThat(line.getThrowableProxy())
          .as("a stack trace in the log: %s", line.getFormattedMessage())
          .isNull();
    }
  }
}
