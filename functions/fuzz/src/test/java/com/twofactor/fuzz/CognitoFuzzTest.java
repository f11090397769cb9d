package com.twofactor.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.twofactor.core.DependencyUnavailableException;
import io.micronaut.function.aws.proxy.MockLambdaContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;

/**
 * Cognito trigger events from fuzz input through the three trigger handlers. For every input:
 * nothing escapes but the fail-closed error of a store the input made fail; Define never both
 * issues tokens and fails, issues tokens for an unknown user never and for the victim (who has 2FA)
 * only after a passed custom challenge; Verify never accepts an answer of an unknown user; no
 * secret shows in a response or log line, and no log line carries a stack trace.
 */
@Tag("fuzz")
class CognitoFuzzTest {
  private static final List<String> CHALLENGES =
      List.of("SRP_A", "PASSWORD_VERIFIER", "CUSTOM_CHALLENGE", "SMS_MFA", "");

  /** A whole trigger event as JSON, mutated: the corpus holds every file of events/cognito-auth. */
  @FuzzTest(maxDuration = "5m")
  void triggerEvent(byte[] data) {
    String json = new String(data, StandardCharsets.UTF_8);
    ClassLoader loader = CognitoFuzzTest.class.getClassLoader();
    FuzzWorld world = FuzzWorld.get();
    if (json.contains("CreateAuthChallenge")) {
      var event =
          read(
              () ->
                  LambdaEventSerializers.serializerFor(
                          CognitoUserPoolCreateAuthChallengeEvent.class, loader)
                      .fromJson(json));
      if (event != null) {
        run(false, json, () -> checkCreate(world.create.handleRequest(event, ctx()), json));
      }
    } else if (json.contains("VerifyAuthChallenge")) {
      var event =
          read(
              () ->
                  LambdaEventSerializers.serializerFor(
                          CognitoUserPoolVerifyAuthChallengeResponseEvent.class, loader)
                      .fromJson(json));
      if (event != null) {
        run(false, json, () -> checkVerify(world.verify.handleRequest(event, ctx()), json));
      }
    } else {
      var event =
          read(
              () ->
                  LambdaEventSerializers.serializerFor(
                          CognitoUserPoolDefineAuthChallengeEvent.class, loader)
                      .fromJson(json));
      if (event != null) {
        run(false, json, () -> checkDefine(world.define.handleRequest(event, ctx()), json));
      }
    }
  }

  /** Events built field by field: sessions, attributes, answers of every shape. */
  @FuzzTest(maxDuration = "5m")
  void triggerRequest(FuzzedDataProvider data) {
    FuzzWorld world = FuzzWorld.get();
    boolean storeFails = data.consumeInt(0, 15) == 0;
    boolean userNotFound = data.consumeInt(0, 4) == 0;
    Map<String, String> attributes = attributes(data);
    switch (data.consumeInt(0, 2)) {
      case 0 -> {
        var request = new CognitoUserPoolDefineAuthChallengeEvent.Request();
        request.setUserAttributes(attributes);
        request.setUserNotFound(userNotFound);
        request.setSession(session(data));
        var event = new CognitoUserPoolDefineAuthChallengeEvent();
        event.setRequest(data.consumeInt(0, 15) == 0 ? null : request);
        String input = String.valueOf(event);
        run(storeFails, input, () -> checkDefine(world.define.handleRequest(event, ctx()), input));
      }
      case 1 -> {
        var request = new CognitoUserPoolCreateAuthChallengeEvent.Request();
        request.setUserAttributes(attributes);
        request.setUserNotFound(userNotFound);
        request.setChallengeName(data.pickValue(CHALLENGES));
        var event = new CognitoUserPoolCreateAuthChallengeEvent();
        event.setRequest(data.consumeInt(0, 15) == 0 ? null : request);
        String input = String.valueOf(event);
        run(storeFails, input, () -> checkCreate(world.create.handleRequest(event, ctx()), input));
      }
      default -> {
        var request = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request();
        request.setUserAttributes(attributes);
        request.setUserNotFound(userNotFound);
        request.setPrivateChallengeParameters(
            data.consumeBoolean()
                ? Map.of("defaultMethod", data.pickValue(List.of("totp", "sms", "x")))
                : null);
        request.setChallengeAnswer(answer(data));
        var event = new CognitoUserPoolVerifyAuthChallengeResponseEvent();
        event.setRequest(data.consumeInt(0, 15) == 0 ? null : request);
        String input = String.valueOf(event);
        run(storeFails, input, () -> checkVerify(world.verify.handleRequest(event, ctx()), input));
      }
    }
  }

  private static Map<String, String> attributes(FuzzedDataProvider data) {
    switch (data.consumeInt(0, 5)) {
      case 0:
        return null;
      case 1:
        return Map.of("email", "victim@example.com");
      case 2:
        return Map.of("sub", data.consumeString(40));
      default:
        Map<String, String> attributes = new HashMap<>();
        attributes.put("sub", FuzzWorld.VICTIM);
        attributes.put("email", "victim@example.com");
        return attributes;
    }
  }

  private static ChallengeResult[] session(FuzzedDataProvider data) {
    if (data.consumeInt(0, 9) == 0) {
      return null;
    }
    int length = data.consumeInt(0, 8);
    List<ChallengeResult> session = new ArrayList<>();
    for (int i = 0; i < length; i++) {
      if (data.consumeInt(0, 19) == 0) {
        session.add(null);
        continue;
      }
      String name =
          data.consumeInt(0, 4) == 0
              ? data.pickValue(CHALLENGES)
              : i == 0 ? "SRP_A" : i == 1 ? "PASSWORD_VERIFIER" : "CUSTOM_CHALLENGE";
      String metadata =
          switch (data.consumeInt(0, 3)) {
            case 0 -> null;
            case 1 -> data.consumeString(40);
            default ->
                "2FA1:" + data.consumeLong() + ":" + data.consumeInt() + ":" + data.consumeLong();
          };
      session.add(new ChallengeResult(name, data.consumeBoolean(), metadata));
    }
    return session.toArray(ChallengeResult[]::new);
  }

  private static String answer(FuzzedDataProvider data) {
    return switch (data.consumeInt(0, 6)) {
      case 0 -> null;
      case 1 -> String.format("%06d", data.consumeInt(0, 999_999));
      case 2 -> "{\"action\":\"send_sms\"}";
      case 3 ->
          "{\"method\":\""
              + data.pickValue(List.of("totp", "sms", "backup_code", "x"))
              + "\",\"code\":\""
              + data.consumeString(12).replace("\"", "")
              + "\"}";
      case 4 -> "{\"method\":" + data.consumeInt() + ",\"code\":[" + data.consumeInt() + "]}";
      default -> data.consumeString(120);
    };
  }

  private static <T> T read(Supplier<T> reader) {
    try {
      return reader.get();
    } catch (RuntimeException unreadable) {
      return null; // The Lambda runtime refuses it before any handler runs.
    }
  }

  private static MockLambdaContext ctx() {
    return new MockLambdaContext();
  }

  /** Runs one trigger; only a store the input made fail may end it with an error. */
  private static void run(boolean storeFails, String input, Runnable trigger) {
    FuzzWorld world = FuzzWorld.get();
    world.begin(storeFails);
    try {
      trigger.run();
    } catch (DependencyUnavailableException | IllegalStateException failedClosed) {
      assertThat(storeFails)
          .as("the trigger failed without an injected fault: %s", failedClosed)
          .isTrue();
    } finally {
      world.end();
    }
    world.assertLogsClean(input);
    for (var line : world.logLines()) {
      assertThat(line.getLevel().isGreaterOrEqual(Level.ERROR))
          .as("an ERROR line without an injected fault: %s", line.getFormattedMessage())
          .isEqualTo(storeFails && line.getLevel().isGreaterOrEqual(Level.ERROR));
    }
  }

  private static void checkDefine(CognitoUserPoolDefineAuthChallengeEvent event, String input) {
    var response = event.getResponse();
    assertThat(response).isNotNull();
    assertThat(response.getIssueTokens() && response.getFailAuthentication()).isFalse();
    if (response.getIssueTokens()) {
      var request = event.getRequest();
      assertThat(request.getUserNotFound()).as("tokens for an unknown user").isFalse();
      if (request.getUserAttributes() != null
          && FuzzWorld.VICTIM.equals(request.getUserAttributes().get("sub"))) {
        ChallengeResult[] session = request.getSession();
        ChallengeResult last = session[session.length - 1];
        assertThat(last.getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
        assertThat(last.getChallengeResult()).isTrue();
      }
    }
    FuzzWorld.get().assertNoSecretIn("define response", String.valueOf(response), input);
  }

  private static void checkCreate(CognitoUserPoolCreateAuthChallengeEvent event, String input) {
    var response = event.getResponse();
    assertThat(response).isNotNull();
    assertThat(response.getPublicChallengeParameters()).containsKeys("methods", "defaultMethod");
    FuzzWorld.get().assertNoSecretIn("create response", String.valueOf(response), input);
  }

  private static void checkVerify(
      CognitoUserPoolVerifyAuthChallengeResponseEvent event, String input) {
    var response = event.getResponse();
    assertThat(response).isNotNull();
    if (event.getRequest() != null && event.getRequest().getUserNotFound()) {
      assertThat(response.getAnswerCorrect()).as("an unknown user's answer accepted").isFalse();
    }
    FuzzWorld.get().assertNoSecretIn("verify response", String.valueOf(response), input);
  }
}
