package com.twofactor.cognitoauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent.ChallengeResult;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The triggers' AWS calls on a warm instance (branch key and SMS digest key open), on dynalite and
 * the in-memory KMS: a sign-in step calls KMS never, whatever the factor.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("dynalite")
class CognitoCallBudgetTest {
  private static final Totp TOTP = new Totp();

  private AwsTestContext aws;
  private DefineAuthChallengeHandler define;
  private CreateAuthChallengeHandler create;
  private VerifyAuthChallengeHandler verify;

  @BeforeAll
  void start() {
    aws = new AwsTestContext();
    define = new DefineAuthChallengeHandler(aws.context);
    create = new CreateAuthChallengeHandler(aws.context);
    verify = new VerifyAuthChallengeHandler(aws.context);
  }

  @AfterAll
  void stop() {
    aws.close();
  }

  @BeforeEach
  void warmInstance() {
    aws.bean(BranchKeys.class).current();
  }

  private Map<String, String> userAttributes(String sub) {
    return Map.of("sub", sub, "email", sub + "@example.com");
  }

  private Map<String, String> createChallenge(String sub) {
    var request = new CognitoUserPoolCreateAuthChallengeEvent.Request();
    request.setUserAttributes(userAttributes(sub));
    request.setChallengeName("CUSTOM_CHALLENGE");
    var event = new CognitoUserPoolCreateAuthChallengeEvent();
    event.setRequest(request);
    return create
        .handleRequest(event, new TestLambdaContext())
        .getResponse()
        .getPrivateChallengeParameters();
  }

  private boolean answer(String sub, Map<String, String> privateParameters, String answer) {
    var request = new CognitoUserPoolVerifyAuthChallengeResponseEvent.Request();
    request.setUserAttributes(userAttributes(sub));
    request.setPrivateChallengeParameters(privateParameters);
    request.setChallengeAnswer(answer);
    var event = new CognitoUserPoolVerifyAuthChallengeResponseEvent();
    event.setRequest(request);
    return verify.handleRequest(event, new TestLambdaContext()).getResponse().getAnswerCorrect();
  }

  @Test
  void verifyOfATotpCode_costsOneReadAndOneConditionalWrite_andNoKms() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("cognito-totp", "cognito-totp").secret());
    enrollment.confirm("cognito-totp", TOTP.codeAt(secret, Instant.now()));
    Map<String, String> challenge = createChallenge("cognito-totp");
    aws.calls.reset();

    boolean correct =
        answer("cognito-totp", challenge, TOTP.codeAt(secret, Instant.now().plusSeconds(30)));

    assertThat(correct).isTrue();
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void verifyOfABackupCode_costsOneReadAndOneConditionalWrite_andNoKms() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("cognito-backup", "cognito-backup").secret());
    List<String> codes =
        enrollment.confirm("cognito-backup", TOTP.codeAt(secret, Instant.now())).newBackupCodes();
    Map<String, String> challenge = createChallenge("cognito-backup");
    aws.calls.reset();

    boolean correct =
        answer(
            "cognito-backup",
            challenge,
            "{\"method\":\"backup_code\",\"code\":\"" + codes.get(0) + "\"}");

    assertThat(correct).isTrue();
    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.PutItem");
  }

  @Test
  void createOfAChallenge_costsOneRead_andNoKms() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("cognito-create", "cognito-create").secret());
    enrollment.confirm("cognito-create", TOTP.codeAt(secret, Instant.now()));
    aws.calls.reset();

    createChallenge("cognito-create");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem");
  }

  @Test
  void verifyAskingForAText_sendsItWithoutKms() {
    String phone = "+12015550188";
    var sms = aws.bean(SmsEnrollmentService.class);
    sms.start("cognito-sms", phone, Optional.empty());
    sms.confirm("cognito-sms", aws.sns.lastCodeTo(phone));
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    store.save(store.load("cognito-sms").toBuilder().smsSentAt(List.of()).build());
    Map<String, String> challenge = createChallenge("cognito-sms");
    aws.calls.reset();

    answer("cognito-sms", challenge, "{\"action\":\"send_sms\"}");

    assertThat(aws.calls.calls())
        .containsExactly(
            "DynamoDb.GetItem",
            "DynamoDb.GetItem",
            "DynamoDb.PutItem",
            "DynamoDb.PutItem",
            "Sns.Publish");
  }

  private CognitoUserPoolDefineAuthChallengeEvent.Response define(
      String sub, List<ChallengeResult> session) {
    var request = new CognitoUserPoolDefineAuthChallengeEvent.Request();
    request.setUserAttributes(userAttributes(sub));
    request.setSession(session.toArray(ChallengeResult[]::new));
    var event = new CognitoUserPoolDefineAuthChallengeEvent();
    event.setRequest(request);
    return define.handleRequest(event, new TestLambdaContext()).getResponse();
  }

  /**
   * A whole sign-in with a TOTP code, as Cognito drives it: four Define, one Create and one Verify
   * invocation; three reads and one write; no KMS. README's cost table counts exactly these.
   */
  @Test
  void aTotpSignInThroughTheTriggers_costsSixInvocationsThreeReadsOneWrite_andNoKms() {
    var enrollment = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(enrollment.start("cognito-login", "cognito-login").secret());
    enrollment.confirm("cognito-login", TOTP.codeAt(secret, Instant.now()));
    aws.calls.reset();
    List<ChallengeResult> session = new ArrayList<>();

    assertThat(define("cognito-login", session).getChallengeName()).isEqualTo("SRP_A");
    session.add(new ChallengeResult("SRP_A", true, null));
    assertThat(define("cognito-login", session).getChallengeName()).isEqualTo("PASSWORD_VERIFIER");
    session.add(new ChallengeResult("PASSWORD_VERIFIER", true, null));
    assertThat(define("cognito-login", session).getChallengeName()).isEqualTo("CUSTOM_CHALLENGE");
    Map<String, String> challenge = createChallenge("cognito-login");
    boolean correct =
        answer("cognito-login", challenge, TOTP.codeAt(secret, Instant.now().plusSeconds(30)));
    session.add(new ChallengeResult("CUSTOM_CHALLENGE", correct, null));
    boolean tokens = define("cognito-login", session).getIssueTokens();

    assertThat(tokens).isTrue();
    assertThat(aws.calls.calls())
        .containsExactly(
            "DynamoDb.GetItem", // Define, after the password: has the user 2FA?
            "DynamoDb.GetItem", // Create: which methods to offer
            "DynamoDb.GetItem", // Verify: the code ...
            "DynamoDb.PutItem"); // ... spent by a conditional write
  }
}
