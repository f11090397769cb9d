package com.twofactor.cognitoauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.twofactor.core.model.Method;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.InMemorySmsOutbox;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The whole Cognito loop (Define, Create, Verify, Define, ...) with the real event classes, as
 * Cognito drives it for one sign-in; SRP steps succeed, as after a right password.
 */
@Tag("unit")
class CognitoLoopTest {
  private static final String SUB = "cognito-user";
  private static final String PHONE = "+12015550123";

  private final CognitoTriggers triggers = new CognitoTriggers();

  @AfterEach
  void close() {
    triggers.close();
  }

  /** One sign-in in progress, as Cognito keeps it. */
  private final class SignIn {
    final List<ChallengeResult> session = new ArrayList<>();
    final boolean userNotFound;
    final Map<String, String> attributes;
    Map<String, String> publicParameters;
    private Map<String, String> privateParameters;
    private String metadata;

    SignIn(String sub, boolean userNotFound) {
      this.userNotFound = userNotFound;
      this.attributes = sub == null ? Map.of() : Map.of("sub", sub, "email", sub + "@example.com");
    }

    CognitoUserPoolDefineAuthChallengeEvent.Response define() {
      var request = new CognitoUserPoolDefineAuthChallengeEvent.Request();
      request.setUserAttributes(attributes);
      request.setSession(session.toArray(ChallengeResult[]::new));
      request.setUserNotFound(userNotFound);
      var event = new CognitoUserPoolDefineAuthChallengeEvent();
      event.setRequest(request);
      return triggers.define(event).getResponse();
    }

    /** SRP_A and PASSWORD_VERIFIER, both passed; returns Define's decision after them. */
    CognitoUserPoolDefineAuthChallengeEvent.Response passPassword() {
      assertThat(define().getChallengeName()).isEqualTo("SRP_A");
      session.add(new ChallengeResult("SRP_A", true, null));
      assertThat(define().getChallengeName()).isEqualTo("PASSWORD_VERIFIER");
      session.add(new ChallengeResult("PASSWORD_VERIFIER", true, null));
      return define();
    }

    void createChallenge() {
      var request = new CognitoUserPoolCreateAuthChallengeEvent.Request();
      request.setUserAttributes(attributes);
      request.setChallengeName("CUSTOM_CHALLENGE");
      request.setUserNotFound(userNotFound);
      request.setSession(
          session.stream()
              .map(
                  step ->
                      new CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult(
                          step.getChallengeName(),
                          step.getChallengeResult(),
                          step.getChallengeMetadata()))
              .toArray(CognitoUserPoolCreateAuthChallengeEvent.ChallengeResult[]::new));
      var event = new CognitoUserPoolCreateAuthChallengeEvent();
      event.setRequest(request);
      var response = triggers.create(event).getResponse();
      publicParameters = response.getPublicChallengeParameters();
      privateParameters = response.getPrivateChallengeParameters();
      metadata = response.getChallengeMetadata();
    }

    /** Answers the current custom challenge; returns Define's decision after it. */
    CognitoUserPoolDefineAuthChallengeEvent.Response answer(String answer) {
      return answer(answer, () -> {});
    }

    /** The same, with something else happening while the challenge is open. */
    CognitoUserPoolDefineAuthChallengeEvent.Response answer(String answer, Runnable whileOpen) {
      createChallenge();
      whileOpen.run();
      var request = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request();
      request.setUserAttributes(attributes);
      request.setPrivateChallengeParameters(privateParameters);
      request.setChallengeAnswer(answer);
      request.setUserNotFound(userNotFound);
      var event = new CognitoUserPoolVerifyAuthChallengeResponseEvent();
      event.setRequest(request);
      boolean correct = triggers.verify(event).getResponse().getAnswerCorrect();
      session.add(new ChallengeResult("CUSTOM_CHALLENGE", correct, metadata));
      return define();
    }
  }

  private byte[] enrollTotp(String sub) {
    var enrollment = triggers.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(sub, sub).secret());
    enrollment.confirm(sub, TotpCodes.at(secret, Instant.now()));
    return secret;
  }

  private List<String> enrollTotpWithBackupCodes(String sub) {
    var enrollment = triggers.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start(sub, sub).secret());
    return enrollment.confirm(sub, TotpCodes.at(secret, Instant.now())).newBackupCodes();
  }

  @Test
  void withoutTwoFactor_tokensComeRightAfterThePassword() {
    SignIn signIn = new SignIn(SUB, false);

    assertThat(signIn.passPassword().getIssueTokens()).isTrue();
  }

  @Test
  void totp_aRightCodeIssuesTokens() {
    byte[] secret = enrollTotp(SUB);
    SignIn signIn = new SignIn(SUB, false);
    assertThat(signIn.passPassword().getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");

    var after = signIn.answer(TotpCodes.nextAfter(secret, Instant.now()));

    assertThat(after.getIssueTokens()).isTrue();
    assertThat(signIn.publicParameters)
        .containsEntry("methods", "totp,backup_code")
        .containsEntry("defaultMethod", "totp")
        .doesNotContainKey("phoneHint");
    assertThat(signIn.publicParameters.values()).noneMatch(v -> v.contains(Base32.encode(secret)));
  }

  @Test
  void totp_threeWrongCodesFailTheAuthentication() {
    byte[] secret = enrollTotp(SUB);
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();
    String wrong = TotpCodes.wrongAt(secret, Instant.now());

    assertThat(signIn.answer(wrong).getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    assertThat(signIn.answer(wrong).getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    var third = signIn.answer(wrong);

    assertThat(third.getFailAuthentication()).isTrue();
    assertThat(third.getIssueTokens()).isFalse();
  }

  @Test
  void totp_aReplayedCodeIsRefused() {
    byte[] secret = enrollTotp(SUB);
    String code = TotpCodes.nextAfter(secret, Instant.now());
    triggers.bean(VerificationService.class).verify(SUB, SUB, Method.TOTP, code);
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    var after = signIn.answer("{\"method\":\"totp\",\"code\":\"" + code + "\"}");

    assertThat(after.getIssueTokens()).isFalse();
    assertThat(after.getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
  }

  @Test
  void sms_aSendRequestGetsANewChallengeWithoutCountingAsAFailure() {
    var sms = triggers.bean(SmsEnrollmentService.class);
    var outbox = triggers.bean(InMemorySmsOutbox.class);
    sms.start(SUB, PHONE, Optional.empty());
    sms.confirm(SUB, outbox.lastCodeTo(PHONE));
    // The enrollment text was just sent; let the 30-second window pass.
    var store = triggers.bean(com.twofactor.core.port.TwoFactorStore.class);
    store.save(
        store.load(SUB).toBuilder().smsSentAt(List.of(Instant.now().minusSeconds(60))).build());
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    var afterSend = signIn.answer("{\"action\":\"send_sms\"}");
    assertThat(afterSend.getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    assertThat(signIn.publicParameters).containsEntry("phoneHint", "+1 ********23");
    String code = outbox.lastCodeTo(PHONE);
    // Two wrong codes after the send: still not three failures.
    assertThat(signIn.answer("{\"method\":\"sms\",\"code\":\"000000\"}").getFailAuthentication())
        .isFalse();
    assertThat(signIn.answer("{\"method\":\"sms\",\"code\":\"000001\"}").getFailAuthentication())
        .isFalse();
    var done = signIn.answer("{\"method\":\"sms\",\"code\":\"" + code + "\"}");

    assertThat(done.getIssueTokens()).isTrue();
  }

  /** Enrolls {@link #PHONE} for SUB; returns the outbox. */
  private InMemorySmsOutbox enrollSms() {
    var sms = triggers.bean(SmsEnrollmentService.class);
    var outbox = triggers.bean(InMemorySmsOutbox.class);
    sms.start(SUB, PHONE, Optional.empty());
    sms.confirm(SUB, outbox.lastCodeTo(PHONE));
    return outbox;
  }

  /** Moves the user's last SMS a minute back, so the 30-second window allows another. */
  /**
   * Moves the user's and the number's last sends out of their windows (30 s apart per user; 3 per
   * number in 15 minutes), so the next send request really texts a code.
   */
  private void allowAnotherSms() {
    var store = triggers.bean(com.twofactor.core.port.TwoFactorStore.class);
    store.save(
        store.load(SUB).toBuilder().smsSentAt(List.of(Instant.now().minusSeconds(60))).build());
    var numbers = triggers.bean(com.twofactor.core.port.NumberSendLog.class);
    String digest = triggers.bean(com.twofactor.core.port.PhoneNumberDigest.class).digest(PHONE);
    var sends = numbers.load(digest);
    numbers.save(
        new com.twofactor.core.model.NumberSends(
            digest, sends.version(), List.of(), sends.keepUntil()));
  }

  private static String wrongSms(InMemorySmsOutbox outbox) {
    String wrong = outbox.lastCodeTo(PHONE).equals("000000") ? "000001" : "000000";
    return "{\"method\":\"sms\",\"code\":\"" + wrong + "\"}";
  }

  @Test
  void sms_anSmsSentElsewhereWhileAWrongAnswerIsOpenDoesNotExcuseIt() {
    var outbox = enrollSms();
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();
    signIn.answer(wrongSms(outbox));
    signIn.answer(wrongSms(outbox));

    // Another sign-in of the same user (or a back end) texts a code while the third is open.
    var third =
        signIn.answer(
            wrongSms(outbox),
            () -> {
              allowAnotherSms();
              triggers.bean(SmsSignInService.class).sendSignInCode("another-sign-in", SUB);
            });

    assertThat(third.getFailAuthentication()).isTrue();
    assertThat(third.getIssueTokens()).isFalse();
  }

  @Test
  void sms_sendRequestsBetweenWrongAnswersNeverBuyAFourthGuess() {
    var outbox = enrollSms();
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    for (int wrong = 1; wrong <= 2; wrong++) {
      allowAnotherSms();
      assertThat(signIn.answer("{\"action\":\"send_sms\"}").getFailAuthentication()).isFalse();
      assertThat(signIn.answer(wrongSms(outbox)).getFailAuthentication()).isFalse();
    }
    allowAnotherSms();
    assertThat(signIn.answer("{\"action\":\"send_sms\"}").getFailAuthentication()).isFalse();
    var third = signIn.answer(wrongSms(outbox));

    assertThat(third.getFailAuthentication()).isTrue();
  }

  @Test
  void sms_aRepeatedSendRequestThatSendsNothingIsAFailedAnswer() {
    var outbox = enrollSms();
    allowAnotherSms();
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    assertThat(signIn.answer("{\"action\":\"send_sms\"}").getFailAuthentication()).isFalse();
    // Too soon after the first: nothing is sent, so it is an answer that failed.
    assertThat(signIn.answer("{\"action\":\"send_sms\"}").getFailAuthentication()).isFalse();
    assertThat(signIn.answer(wrongSms(outbox)).getFailAuthentication()).isFalse();
    var third = signIn.answer(wrongSms(outbox));

    assertThat(third.getFailAuthentication()).isTrue();
  }

  @Test
  void backupCode_issuesTokensOnceOnly() {
    List<String> codes = enrollTotpWithBackupCodes(SUB);
    String answer = "{\"method\":\"backup_code\",\"code\":\"" + codes.get(0) + "\"}";

    SignIn first = new SignIn(SUB, false);
    first.passPassword();
    assertThat(first.answer(answer).getIssueTokens()).isTrue();

    SignIn second = new SignIn(SUB, false);
    second.passPassword();
    assertThat(second.answer(answer).getIssueTokens()).isFalse();
  }

  @Test
  void unknownUser_getsChallengesOfTheSameShapeAndNeverTokens() {
    SignIn known = new SignIn(SUB, false);
    enrollTotp(SUB);
    known.passPassword();
    known.createChallenge();
    SignIn unknown = new SignIn(null, true);

    assertThat(unknown.passPassword().getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    unknown.createChallenge();
    assertThat(new HashMap<>(unknown.publicParameters))
        .isEqualTo(new HashMap<>(known.publicParameters));
    unknown.answer("123456");
    unknown.answer("123456");
    assertThat(unknown.answer("123456").getFailAuthentication()).isTrue();
  }

  @Test
  void challengeParameters_countDownTheAttemptsLeft() {
    byte[] secret = enrollTotp(SUB);
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();
    String wrong = TotpCodes.wrongAt(secret, Instant.now());

    signIn.createChallenge();
    assertThat(signIn.publicParameters).containsEntry("attemptsLeft", "3");
    signIn.answer(wrong);
    signIn.createChallenge();
    assertThat(signIn.publicParameters).containsEntry("attemptsLeft", "2");
    signIn.answer(wrong);
    signIn.createChallenge();

    assertThat(signIn.publicParameters)
        .containsEntry("attemptsLeft", "1")
        .doesNotContainKey("lockedUntil");
  }

  @Test
  void challengeParameters_sayUntilWhenALockedUserIsLocked() {
    enrollTotp(SUB);
    var store = triggers.bean(com.twofactor.core.port.TwoFactorStore.class);
    Instant until = Instant.now().plusSeconds(600);
    store.save(store.load(SUB).toBuilder().lockedUntil(until).build());
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    signIn.createChallenge();

    assertThat(signIn.publicParameters).containsEntry("lockedUntil", until.toString());
  }

  @Test
  void challengeParameters_sayWhenTheLastSmsWentOutAndWhenAnotherMayBeAskedFor() {
    enrollSms();
    allowAnotherSms();
    SignIn signIn = new SignIn(SUB, false);
    signIn.passPassword();

    signIn.answer("{\"action\":\"send_sms\"}");
    signIn.createChallenge();

    Instant sent = Instant.parse(signIn.publicParameters.get("smsSentAt"));
    assertThat(Instant.parse(signIn.publicParameters.get("resendAvailableAt")))
        .isEqualTo(sent.plusSeconds(30));
    assertThat(signIn.publicParameters).containsEntry("attemptsLeft", "3");
  }
}
