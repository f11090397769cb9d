package com.twofactor.cognitoauth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A null event reaching the flow fails closed. (On Lambda the framework refuses the JSON {@code
 * null} before the handler runs; the invocation errors and Cognito fails the sign-in.)
 */
@Tag("unit")
class MalformedTriggerEventTest {

  private static void assertOneWarnLine(LogCapture logs) {
    assertThat(logs.events()).hasSize(1);
    assertThat(logs.events().get(0).getLevel()).isEqualTo(Level.WARN);
    assertThat(logs.events().get(0).getThrowableProxy()).isNull();
    assertThat(logs.lines().get(0)).contains("request is missing");
  }

  @Test
  void define_aNullEventFailsTheSignIn() {
    try (CognitoTriggers triggers = new CognitoTriggers();
        LogCapture logs = LogCapture.all()) {
      var response = triggers.bean(CognitoChallengeFlow.class).define(null).getResponse();

      assertThat(response.getFailAuthentication()).isTrue();
      assertThat(response.getIssueTokens()).isFalse();
      assertOneWarnLine(logs);
    }
  }

  @Test
  void create_aNullEventGetsTheChallengeOfAnUnknownUser() {
    try (CognitoTriggers triggers = new CognitoTriggers();
        LogCapture logs = LogCapture.all()) {
      var response = triggers.bean(CognitoChallengeFlow.class).create(null).getResponse();

      assertThat(response.getPublicChallengeParameters())
          .containsEntry("methods", "totp,backup_code")
          .doesNotContainKey("phoneHint");
      assertOneWarnLine(logs);
    }
  }

  @Test
  void verify_aNullEventIsAWrongAnswer() {
    try (CognitoTriggers triggers = new CognitoTriggers();
        LogCapture logs = LogCapture.all()) {
      assertThat(
              triggers
                  .bean(CognitoChallengeFlow.class)
                  .verify(null)
                  .getResponse()
                  .getAnswerCorrect())
          .isFalse();
      assertOneWarnLine(logs);
    }
  }
}
