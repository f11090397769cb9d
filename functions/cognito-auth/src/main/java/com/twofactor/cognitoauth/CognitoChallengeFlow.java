package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsPolicy;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.VerificationService;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cognito custom authentication with a second factor: SRP_A, then PASSWORD_VERIFIER, then (for
 * users with 2FA) CUSTOM_CHALLENGE until a code is right or three answers were wrong. The user is
 * the {@code sub} attribute, the same id the API takes from the authorizer. The same domain
 * services as the API check codes, so the shared lockout, replay rule and SMS limits apply.
 *
 * <p>An answer {@code {"action":"send_sms"}} texts a code and is answered "not correct", which
 * makes Cognito ask Define again. Cognito tells Define only each challenge's result and the
 * metadata Create gave it, so Create records {@link ChallengeMarks} of the user's state in it, and
 * a failed challenge counts as a failed answer unless the marks show that an SMS went out while it
 * was open and no code was checked. A session therefore allows exactly {@value #MAX_FAILED_ANSWERS}
 * failed answers, however many SMS are sent during it; a send request that sends nothing (too soon
 * after the last, no phone) is a failed answer. Unknown users get challenges of the same shape.
 *
 * <p>A malformed event (no request, an unknown or missing challenge in the session, no {@code sub},
 * an answer that is not one) fails the sign-in with one WARN line naming the defect. Thread safety:
 * stateless apart from its thread-safe collaborators.
 */
@Singleton
public final class CognitoChallengeFlow {
  static final String SRP_A = "SRP_A";
  static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
  static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
  static final int MAX_FAILED_ANSWERS = 3;
  private static final String ACTOR = "cognito";
  private static final Logger LOG = LoggerFactory.getLogger(CognitoChallengeFlow.class);

  private final TwoFactorStore store;
  private final VerificationService verification;
  private final SmsSignInService smsSignIn;
  private final ObjectMapper json;
  private final SmsPolicy smsPolicy;
  private final Clock clock;

  public CognitoChallengeFlow(
      TwoFactorStore store,
      VerificationService verification,
      SmsSignInService smsSignIn,
      ObjectMapper json,
      SmsPolicy smsPolicy,
      Clock clock) {
    this.store = store;
    this.verification = verification;
    this.smsSignIn = smsSignIn;
    this.json = json;
    this.smsPolicy = smsPolicy;
    this.clock = clock;
  }

  /** DefineAuthChallenge: picks the next step from the session so far. */
  public CognitoUserPoolDefineAuthChallengeEvent define(
      CognitoUserPoolDefineAuthChallengeEvent given) {
    var event = given == null ? new CognitoUserPoolDefineAuthChallengeEvent() : given;
    var response = new CognitoUserPoolDefineAuthChallengeEvent.Response();
    event.setResponse(response);
    try {
      decide(event, response);
    } catch (MalformedTriggerEvent malformed) {
      LOG.warn("DefineAuthChallenge event refused: {}", malformed.getMessage());
      fail(response);
    }
    return event;
  }

  private void decide(
      CognitoUserPoolDefineAuthChallengeEvent event,
      CognitoUserPoolDefineAuthChallengeEvent.Response response) {
    var request = required(event.getRequest(), "request is missing");
    List<ChallengeResult> session = session(request.getSession());
    if (session.isEmpty()) {
      next(response, SRP_A);
      return;
    }
    var last = session.get(session.size() - 1);
    switch (last.getChallengeName()) {
      case SRP_A -> {
        if (last.getChallengeResult()) {
          next(response, PASSWORD_VERIFIER);
        } else {
          fail(response);
        }
      }
      case PASSWORD_VERIFIER -> {
        if (!last.getChallengeResult()) {
          fail(response);
        } else if (request.getUserNotFound()
            || store.load(sub(request.getUserAttributes())).enabled()) {
          next(response, CUSTOM_CHALLENGE);
        } else {
          issueTokens(response);
        }
      }
      default -> {
        if (request.getUserNotFound()) {
          // Verify never accepts an answer for an unknown user; count as if it had.
          if (last.getChallengeResult()
              || failedAnswers(session, ChallengeMarks.NONE) >= MAX_FAILED_ANSWERS) {
            fail(response);
          } else {
            next(response, CUSTOM_CHALLENGE);
          }
        } else if (last.getChallengeResult()) {
          issueTokens(response);
        } else {
          ChallengeMarks now = ChallengeMarks.of(store.load(sub(request.getUserAttributes())));
          if (failedAnswers(session, now) >= MAX_FAILED_ANSWERS) {
            fail(response);
          } else {
            next(response, CUSTOM_CHALLENGE);
          }
        }
      }
    }
  }

  /**
   * The session as Cognito builds it: SRP_A, PASSWORD_VERIFIER, then custom challenges, every step
   * but the last one passed except custom challenges. Anything else is malformed.
   */
  private static List<ChallengeResult> session(ChallengeResult[] given) {
    if (given == null) {
      return List.of();
    }
    List<ChallengeResult> session = Arrays.asList(given);
    for (int i = 0; i < session.size(); i++) {
      ChallengeResult step = session.get(i);
      if (step == null) {
        throw new MalformedTriggerEvent("session[" + i + "] is missing");
      }
      String expected = i == 0 ? SRP_A : i == 1 ? PASSWORD_VERIFIER : CUSTOM_CHALLENGE;
      if (step.getChallengeName() == null) {
        throw new MalformedTriggerEvent("session[" + i + "].challengeName is missing");
      }
      if (!expected.equals(step.getChallengeName())) {
        throw new MalformedTriggerEvent(
            "session[" + i + "].challengeName is not " + expected + " where Cognito puts it");
      }
      boolean last = i == session.size() - 1;
      if (!last && !step.getChallengeResult() && i < 2) {
        throw new MalformedTriggerEvent("session[" + i + "] failed yet the session went on");
      }
      if (!last && step.getChallengeResult() && i >= 2) {
        throw new MalformedTriggerEvent("session[" + i + "] passed yet the session went on");
      }
    }
    return session;
  }

  /**
   * Failed custom challenges that were not send requests: challenge i was one when its marks and
   * the next challenge's (for the last one, the user's state {@code now}) show an SMS and no code.
   */
  private static int failedAnswers(List<ChallengeResult> session, ChallengeMarks now) {
    int failed = 0;
    for (int i = 2; i < session.size(); i++) {
      if (session.get(i).getChallengeResult()) {
        continue;
      }
      Optional<ChallengeMarks> opened = ChallengeMarks.parse(session.get(i).getChallengeMetadata());
      Optional<ChallengeMarks> closed =
          i + 1 < session.size()
              ? ChallengeMarks.parse(session.get(i + 1).getChallengeMetadata())
              : Optional.of(now);
      boolean sendRequest =
          opened.isPresent() && closed.isPresent() && opened.get().onlySmsSentBefore(closed.get());
      failed += sendRequest ? 0 : 1;
    }
    return failed;
  }

  /**
   * CreateAuthChallenge: public parameters say which methods the user can answer with, how many
   * wrong answers this sign-in has left ({@code attemptsLeft}), until when verification is locked
   * ({@code lockedUntil}, ISO-8601, only while locked) and, for a user with SMS, when the last code
   * went out and when another may be asked for ({@code smsSentAt}, {@code resendAvailableAt}), so a
   * sign-in page can say all that next to the code field. They are shown only after the password
   * was verified; an unknown user's have the same keys as a user with an app and no lock.
   */
  public CognitoUserPoolCreateAuthChallengeEvent create(
      CognitoUserPoolCreateAuthChallengeEvent given) {
    var event = given == null ? new CognitoUserPoolCreateAuthChallengeEvent() : given;
    var response = new CognitoUserPoolCreateAuthChallengeEvent.Response();
    event.setResponse(response);
    Optional<UserTwoFactor> user;
    int attemptsLeft;
    try {
      var request = required(event.getRequest(), "request is missing");
      if (!CUSTOM_CHALLENGE.equals(request.getChallengeName())) {
        throw new MalformedTriggerEvent("challengeName is missing or not CUSTOM_CHALLENGE");
      }
      user =
          request.getUserNotFound()
              ? Optional.empty()
              : Optional.of(store.load(sub(request.getUserAttributes())));
      int failed =
          failedAnswers(
              session(defineResults(request.getSession())),
              user.map(ChallengeMarks::of).orElse(ChallengeMarks.NONE));
      attemptsLeft = Math.max(0, MAX_FAILED_ANSWERS - failed);
    } catch (MalformedTriggerEvent malformed) {
      LOG.warn("CreateAuthChallenge event refused: {}", malformed.getMessage());
      // A challenge like an unknown user's, whose marks never excuse a failure.
      user = Optional.empty();
      attemptsLeft = MAX_FAILED_ANSWERS;
    }
    Instant now = clock.instant();
    Map<String, String> parameters = new HashMap<>();
    List<String> methods = new ArrayList<>();
    user.filter(u -> u.totp() != null).ifPresent(u -> methods.add(Method.TOTP.wireName()));
    user.filter(u -> u.sms() != null).ifPresent(u -> methods.add(Method.SMS.wireName()));
    if (methods.isEmpty()) {
      // Unknown users look like users with an authenticator app.
      methods.add(Method.TOTP.wireName());
    }
    methods.add(Method.BACKUP_CODE.wireName());
    parameters.put("methods", String.join(",", methods));
    parameters.put("defaultMethod", methods.get(0));
    parameters.put("attemptsLeft", Integer.toString(attemptsLeft));
    user.filter(u -> u.isLockedAt(now))
        .ifPresent(u -> parameters.put("lockedUntil", u.lockedUntil().toString()));
    user.filter(u -> u.sms() != null)
        .ifPresent(
            u -> {
              parameters.put("phoneHint", u.sms().phoneHint());
              u.smsSentAt().stream()
                  .max(Instant::compareTo)
                  .ifPresent(sent -> parameters.put("smsSentAt", sent.toString()));
              parameters.put("resendAvailableAt", smsPolicy.nextSendAt(u, now).toString());
            });
    response.setPublicChallengeParameters(parameters);
    response.setPrivateChallengeParameters(Map.of("defaultMethod", methods.get(0)));
    response.setChallengeMetadata(
        user.map(ChallengeMarks::of).orElse(ChallengeMarks.NONE).metadata());
    return event;
  }

  /** Create's session in Define's terms (the event library has one class per trigger). */
  private static ChallengeResult[] defineResults(
      CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[] given) {
    if (given == null) {
      return null;
    }
    return Arrays.stream(given)
        .map(
            step ->
                step == null
                    ? null
                    : new ChallengeResult(
                        step.getChallengeName(),
                        step.getChallengeResult(),
                        step.getChallengeMetadata()))
        .toArray(ChallengeResult[]::new);
  }

  /** VerifyAuthChallengeResponse: checks the answer with the same rules as the API. */
  public CognitoUserPoolVerifyAuthChallengeResponseEvent verify(
      CognitoUserPoolVerifyAuthChallengeResponseEvent given) {
    var event = given == null ? new CognitoUserPoolVerifyAuthChallengeResponseEvent() : given;
    var response = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Response();
    response.setAnswerCorrect(false);
    event.setResponse(response);
    String sub;
    Answer answer;
    try {
      var request = required(event.getRequest(), "request is missing");
      if (request.getUserNotFound()) {
        return event;
      }
      sub = sub(request.getUserAttributes());
      Map<String, String> privateParameters =
          request.getPrivateChallengeParameters() == null
              ? Map.of()
              : request.getPrivateChallengeParameters();
      answer =
          parse(
              required(request.getChallengeAnswer(), "challengeAnswer is missing"),
              privateParameters.getOrDefault("defaultMethod", "totp"));
    } catch (MalformedTriggerEvent malformed) {
      LOG.warn("VerifyAuthChallengeResponse event refused: {}", malformed.getMessage());
      return event;
    }
    try {
      if (answer.sendSms()) {
        smsSignIn.sendSignInCode(ACTOR, sub);
        return event;
      }
      verification.verify(ACTOR, sub, answer.method(), answer.code());
      response.setAnswerCorrect(true);
    } catch (DependencyUnavailableException e) {
      // Fail closed: Cognito ends the sign-in with an error rather than guessing. The cause is
      // left out: a provider's message may echo request data into the function's log.
      throw new IllegalStateException("sign-in check failed closed: " + e.getMessage());
    } catch (TwoFactorException refused) {
      LOG.info("custom challenge refused: {}", refused.code().wireValue());
    }
    return event;
  }

  /** An answer: a code for a method, or a request for an SMS code. */
  record Answer(Method method, String code, boolean sendSms) {
    @Override
    public String toString() {
      return "Answer[" + (sendSms ? "send_sms" : method.wireName()) + "]";
    }
  }

  /**
   * A bare code for the default method, or a JSON object: {@code {"method","code"}} with string
   * values, or {@code {"action":"send_sms"}}. Anything else is malformed.
   */
  private Answer parse(String raw, String defaultMethod) {
    String trimmed = raw.trim();
    Method fallback = Method.fromWireName(defaultMethod).orElse(Method.TOTP);
    if (!trimmed.startsWith("{")) {
      return new Answer(fallback, trimmed, false);
    }
    Map<String, Object> fields;
    try {
      fields = json.readValue(trimmed, Argument.mapOf(String.class, Object.class));
    } catch (IOException | RuntimeException notJson) {
      throw new MalformedTriggerEvent("challengeAnswer is not a JSON object");
    }
    if (fields == null) {
      throw new MalformedTriggerEvent("challengeAnswer is not a JSON object");
    }
    if (fields.containsKey("action")) {
      if (!"send_sms".equals(fields.get("action"))) {
        throw new MalformedTriggerEvent("challengeAnswer.action is not send_sms");
      }
      return new Answer(Method.SMS, "", true);
    }
    Object method = fields.get("method");
    Object code = fields.get("code");
    if (method != null && !(method instanceof String)) {
      throw new MalformedTriggerEvent("challengeAnswer.method is not a string");
    }
    if (!(code instanceof String)) {
      throw new MalformedTriggerEvent("challengeAnswer.code is missing or not a string");
    }
    Method chosen =
        method == null
            ? fallback
            : Method.fromWireName((String) method)
                .orElseThrow(() -> new MalformedTriggerEvent("challengeAnswer.method is unknown"));
    return new Answer(chosen, (String) code, false);
  }

  private static <T> T required(T value, String defect) {
    if (value == null) {
      throw new MalformedTriggerEvent(defect);
    }
    return value;
  }

  private static String sub(Map<String, String> attributes) {
    Object sub = required(attributes, "userAttributes is missing").get("sub");
    if (!(sub instanceof String id) || id.isBlank()) {
      throw new MalformedTriggerEvent("userAttributes.sub is missing or blank");
    }
    return id;
  }

  private static void next(CognitoUserPoolDefineAuthChallengeEvent.Response response, String name) {
    response.setChallengeName(name);
    response.setIssueTokens(false);
    response.setFailAuthentication(false);
  }

  private static void issueTokens(CognitoUserPoolDefineAuthChallengeEvent.Response response) {
    response.setIssueTokens(true);
    response.setFailAuthentication(false);
  }

  private static void fail(CognitoUserPoolDefineAuthChallengeEvent.Response response) {
    response.setIssueTokens(false);
    response.setFailAuthentication(true);
  }
}
