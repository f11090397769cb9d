package com.twofactor.cognitoauth;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of events/cognito-auth through the trigger its name starts with, for a user without
 * 2FA (or unknown), and the response it must get.
 */
@Tag("unit")
class CognitoEventsTest {
  private static final Map<String, String> EXPECTED =
      Map.ofEntries(
          entry("define-start.json", "challenge SRP_A"),
          entry("define-after-password.json", "issue tokens"),
          entry("define-after-wrong-password.json", "fail"),
          entry("define-after-password-user-not-found.json", "challenge CUSTOM_CHALLENGE"),
          entry("define-after-correct-code.json", "issue tokens"),
          entry("define-after-one-wrong-code.json", "challenge CUSTOM_CHALLENGE"),
          entry("define-after-three-wrong-codes.json", "fail"),
          entry("create-custom-challenge.json", "methods totp,backup_code"),
          entry("create-custom-challenge-user-not-found.json", "methods totp,backup_code"),
          entry("verify-code.json", "answer false"),
          entry("verify-json-totp.json", "answer false"),
          entry("verify-backup-code.json", "answer false"),
          entry("verify-send-sms.json", "answer false"),
          entry("verify-user-not-found.json", "answer false"),
          entry("define-malformed-null-request.json", "fail"),
          entry("define-malformed-unknown-challenge.json", "fail"),
          entry("define-malformed-missing-challenge-name.json", "fail"),
          entry("define-malformed-null-session-entry.json", "fail"),
          entry("define-malformed-missing-user-attributes.json", "fail"),
          entry("define-malformed-missing-sub.json", "fail"),
          entry("define-malformed-wrong-types.json", "fail"),
          entry("create-malformed-null-request.json", "methods totp,backup_code"),
          entry("create-malformed-missing-challenge-name.json", "methods totp,backup_code"),
          entry("verify-malformed-null-request.json", "answer false"),
          entry("verify-malformed-missing-sub.json", "answer false"),
          entry("verify-malformed-garbage-answer.json", "answer false"),
          entry("verify-malformed-truncated-json-answer.json", "answer false"),
          entry("verify-malformed-missing-answer.json", "answer false"));

  static Stream<Arguments> events() {
    return EXPECTED.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("events")
  void event_getsItsResponse(String file, String expected) {
    try (CognitoTriggers triggers = new CognitoTriggers();
        LogCapture logs = LogCapture.all()) {
      assertThat(run(triggers, file)).isEqualTo(expected);

      if (file.contains("-malformed-")) {
        assertThat(logs.lines()).as("log lines").hasSize(1);
        assertThat(logs.events().get(0).getLevel()).isEqualTo(Level.WARN);
        assertThat(logs.events().get(0).getThrowableProxy()).isNull();
      }
    }
  }

  static String run(CognitoTriggers triggers, String file) {
    if (file.startsWith("define-")) {
      var response =
          triggers
              .define(CognitoTriggers.event(file, CognitoUserPoolDefineAuthChallengeEvent.class))
              .getResponse();
      if (response.getFailAuthentication()) {
        return "fail";
      }
      return response.getIssueTokens()
          ? "issue tokens"
          : "challenge " + response.getChallengeName();
    }
    if (file.startsWith("create-")) {
      var response =
          triggers
              .create(CognitoTriggers.event(file, CognitoUserPoolCreateAuthChallengeEvent.class))
              .getResponse();
      return "methods " + response.getPublicChallengeParameters().get("methods");
    }
    var response =
        triggers
            .verify(
                CognitoTriggers.event(file, CognitoUserPoolVerifyAuthChallengeResponseEvent.class))
            .getResponse();
    return "answer " + response.getAnswerCorrect();
  }

  @Test
  void everyEventFileIsChecked() throws IOException {
    try (Stream<Path> files =
        Files.list(Path.of(System.getProperty("events.dir"), "cognito-auth"))) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }
  }
}
