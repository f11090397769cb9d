package com.twofactor.verification;

import com.twofactor.api.http.Caller;
import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.InternalVerifyRequest;
import com.twofactor.api.json.SmsChallengeResponse;
import com.twofactor.api.json.VerifiedResponse;
import com.twofactor.api.json.VerifyRequest;
import com.twofactor.core.model.Method;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.VerificationService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/** Second-factor checks and SMS codes, for the user themself and for trusted back ends. */
@Controller
public class VerificationController {

  private final VerificationService verification;
  private final SmsSignInService smsSignIn;

  public VerificationController(VerificationService verification, SmsSignInService smsSignIn) {
    this.verification = verification;
    this.smsSignIn = smsSignIn;
  }

  @Post("/two-factor/verify")
  public VerifiedResponse verify(Caller caller, @Body VerifyRequest request) {
    FieldChecks.valid(request);
    return VerifiedResponse.of(
        verification.verify(
            caller.userId(), caller.userId(), method(request.method()), request.code()));
  }

  @Post("/internal/users/{userId}/two-factor/verify")
  public VerifiedResponse verifyForBackend(
      TrustedBackend backend, @PathVariable String userId, @Body InternalVerifyRequest request) {
    FieldChecks.start().userId(userId).nested(request).orThrow();
    return VerifiedResponse.of(
        verification.verify(
            backend.auditActor(), userId, method(request.method()), request.code()));
  }

  @Post("/two-factor/sms/code")
  public SmsChallengeResponse sendSmsCode(Caller caller) {
    return SmsChallengeResponse.from(smsSignIn.sendSignInCode(caller.userId(), caller.userId()));
  }

  @Post("/internal/users/{userId}/two-factor/sms/code")
  public SmsChallengeResponse sendSmsCodeForBackend(
      TrustedBackend backend, @PathVariable String userId) {
    FieldChecks.start().userId(userId).orThrow();
    return SmsChallengeResponse.from(smsSignIn.sendSignInCode(backend.auditActor(), userId));
  }

  private static Method method(String wireName) {
    // The request was checked against the same names, so this cannot miss.
    return Method.fromWireName(wireName).orElseThrow();
  }
}
