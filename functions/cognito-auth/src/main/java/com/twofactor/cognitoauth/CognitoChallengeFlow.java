package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsCodeService;
import com.twofactor.core.service.VerificationService;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cognito custom authentication with a second factor: SRP_A, then PASSWORD_VERIFIER, then (for
 * users with 2FA) CUSTOM_CHALLENGE until a code is right or three codes were wrong. The user is the
 * {@code sub} attribute, the same id the API takes from the authorizer. The same domain services as
 * the API check codes, so the shared lockout, replay rule and SMS limits apply.
 *
 * <p>An answer {@code {"action":"send_sms"}} texts a code and is answered "not correct", which
 * makes Cognito ask Define again; it is not counted as a failure. To tell it apart, Create records
 * in each challenge's metadata when the user's last SMS was sent; a failed challenge during which a
 * new SMS went out was a send request. Unknown users get challenges of the same shape.
 */
@Singleton
public final class CognitoChallengeFlow {
  static final String SRP_A = "SRP_A";
  static final String PASSWORD_VERIFIER = "PASSWORD_VERIFIER";
  static final String CUSTOM_CHALLENGE = "CUSTOM_CHALLENGE";
  static final int MAX_FAILED_CHALLENGES = 3;
  private static final String METADATA_PREFIX = "CODE@";
  private static final String ACTOR = "cognito";
  private static final Logger LOG = LoggerFactory.getLogger(CognitoChallengeFlow.class);

  private final TwoFactorStore store;
  private final VerificationService verification;
  private final SmsCodeService smsCodes;
  private final ObjectMapper json;

  public CognitoChallengeFlow(
      TwoFactorStore store,
      VerificationService verification,
      SmsCodeService smsCodes,
      ObjectMapper json) {
    this.store = store;
    this.verification = verification;
    this.smsCodes = smsCodes;
    this.json = json;
  }

  /** DefineAuthChallenge: picks the next step from the session so far. */
  public void define(CognitoUserPoolDefineAuthChallengeEvent event) {
    var request = event.getRequest();
    var response = new CognitoUserPoolDefineAuthChallengeEvent.Response();
    event.setResponse(response);
    var session =
        request.getSession() == null
            ? List.<CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult>of()
            : List.of(request.getSession());
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
            || user(event.getRequest().getUserAttributes())
                .map(UserTwoFactor::enabled)
                .orElse(true)) {
          next(response, CUSTOM_CHALLENGE);
        } else {
          issueTokens(response);
        }
      }
      case CUSTOM_CHALLENGE -> {
        if (last.getChallengeResult()) {
          issueTokens(response);
        } else if (failedChallenges(event, session) >= MAX_FAILED_CHALLENGES) {
          fail(response);
        } else {
          next(response, CUSTOM_CHALLENGE);
        }
      }
      default -> fail(response);
    }
  }

  /** CreateAuthChallenge: public parameters say which methods the user can answer with. */
  public void create(CognitoUserPoolCreateAuthChallengeEvent event) {
    var response = new CognitoUserPoolCreateAuthChallengeEvent.Response();
    event.setResponse(response);
    Optional<UserTwoFactor> user =
        event.getRequest().getUserNotFound()
            ? Optional.empty()
            : user(event.getRequest().getUserAttributes());
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
    user.map(UserTwoFactor::sms).ifPresent(sms -> parameters.put("phoneHint", sms.phoneHint()));
    response.setPublicChallengeParameters(parameters);
    response.setPrivateChallengeParameters(Map.of("defaultMethod", methods.get(0)));
    response.setChallengeMetadata(METADATA_PREFIX + lastSmsSent(user).toEpochMilli());
  }

  /** VerifyAuthChallengeResponse: checks the answer with the same rules as the API. */
  public void verify(CognitoUserPoolVerifyAuthChallengeResponseEvent event) {
    var response = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Response();
    event.setResponse(response);
    var request = event.getRequest();
    String sub =
        request.getUserAttributes() == null ? null : request.getUserAttributes().get("sub");
    if (request.getUserNotFound() || sub == null || request.getChallengeAnswer() == null) {
      response.setAnswerCorrect(false);
      return;
    }
    Map<String, String> privateParameters =
        request.getPrivateChallengeParameters() == null
            ? Map.of()
            : request.getPrivateChallengeParameters();
    Answer answer =
        parse(
            request.getChallengeAnswer(), privateParameters.getOrDefault("defaultMethod", "totp"));
    try {
      if (answer.sendSms()) {
        smsCodes.sendSignInCode(ACTOR, sub);
        response.setAnswerCorrect(false);
        return;
      }
      verification.verify(ACTOR, sub, answer.method(), answer.code());
      response.setAnswerCorrect(true);
    } catch (DependencyUnavailableException e) {
      // Fail closed: Cognito ends the sign-in with an error rather than guessing. The cause is
      // left out: a provider's message may echo request data into the function's log.
      throw new IllegalStateException("sign-in check failed closed: " + e.getMessage());
    } catch (TwoFactorException refused) {
      LOG.info("custom challenge refused: {}", refused.code().wireValue());
      response.setAnswerCorrect(false);
    }
  }

  /** An answer: a code for a method, or a request for an SMS code. */
  record Answer(Method method, String code, boolean sendSms) {
    @Override
    public String toString() {
      return "Answer[" + (sendSms ? "send_sms" : method.wireName()) + "]";
    }
  }

  private Answer parse(String raw, String defaultMethod) {
    String trimmed = raw.trim();
    Method fallback = Method.fromWireName(defaultMethod).orElse(Method.TOTP);
    if (!trimmed.startsWith("{")) {
      return new Answer(fallback, trimmed, false);
    }
    try {
      Map<String, Object> fields =
          json.readValue(trimmed, Argument.mapOf(String.class, Object.class));
      if ("send_sms".equals(fields.get("action"))) {
        return new Answer(Method.SMS, "", true);
      }
      Method method =
          Optional.ofNullable(fields.get("method"))
              .map(Object::toString)
              .flatMap(Method::fromWireName)
              .orElse(fallback);
      return new Answer(method, String.valueOf(fields.getOrDefault("code", "")), false);
    } catch (IOException | RuntimeException malformed) {
      return new Answer(fallback, "", false);
    }
  }

  /**
   * Failed custom challenges that were not SMS requests: challenge i was one when the next one (or,
   * for the last, the user's state now) shows a later SMS than challenge i recorded.
   */
  private int failedChallenges(
      CognitoUserPoolDefineAuthChallengeEvent event,
      List<CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult> session) {
    Instant smsNow =
        event.getRequest().getUserNotFound()
            ? Instant.EPOCH
            : lastSmsSent(user(event.getRequest().getUserAttributes()));
    int failed = 0;
    for (int i = 0; i < session.size(); i++) {
      var challenge = session.get(i);
      if (!CUSTOM_CHALLENGE.equals(challenge.getChallengeName())
          || challenge.getChallengeResult()) {
        continue;
      }
      Instant recorded = recordedSms(challenge.getChallengeMetadata());
      Instant after =
          i + 1 < session.size() ? recordedSms(session.get(i + 1).getChallengeMetadata()) : smsNow;
      boolean wasSmsRequest = after.isAfter(recorded);
      failed += wasSmsRequest ? 0 : 1;
    }
    return failed;
  }

  private static Instant recordedSms(String metadata) {
    if (metadata == null || !metadata.startsWith(METADATA_PREFIX)) {
      return Instant.EPOCH;
    }
    try {
      return Instant.ofEpochMilli(Long.parseLong(metadata.substring(METADATA_PREFIX.length())));
    } catch (NumberFormatException e) {
      return Instant.EPOCH;
    }
  }

  private static Instant lastSmsSent(Optional<UserTwoFactor> user) {
    return user.flatMap(u -> u.smsSentAt().stream().max(Comparator.naturalOrder()))
        .orElse(Instant.EPOCH);
  }

  private Optional<UserTwoFactor> user(Map<String, String> attributes) {
    String sub = attributes == null ? null : attributes.get("sub");
    return sub == null ? Optional.empty() : Optional.of(store.load(sub));
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
