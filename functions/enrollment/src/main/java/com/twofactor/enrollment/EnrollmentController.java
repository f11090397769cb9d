package com.twofactor.enrollment;

import com.twofactor.api.http.Caller;
import com.twofactor.api.json.CodeRequest;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.ProofRequest;
import com.twofactor.api.json.SmsChallengeResponse;
import com.twofactor.api.json.SmsSetupRequest;
import com.twofactor.api.json.StatusResponse;
import com.twofactor.api.json.TotpSetupRequest;
import com.twofactor.api.json.TotpSetupResponse;
import com.twofactor.core.service.Proof;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import java.util.Optional;

/** Status, TOTP and SMS set-up of the calling user (openapi.yaml: /two-factor, /totp*, /sms*). */
@Controller("/two-factor")
public class EnrollmentController {
  private final StatusService status;
  private final TotpEnrollmentService totp;
  private final SmsEnrollmentService sms;

  public EnrollmentController(
      StatusService status, TotpEnrollmentService totp, SmsEnrollmentService sms) {
    this.status = status;
    this.totp = totp;
    this.sms = sms;
  }

  @Get
  public StatusResponse status(Caller caller) {
    return StatusResponse.from(status.status(caller.userId()));
  }

  /** The body is optional: a user with no factor yet may send none. */
  @Post("/totp")
  public TotpSetupResponse startTotp(Caller caller, @Nullable @Body TotpSetupRequest request) {
    FieldChecks.valid(request);
    return TotpSetupResponse.from(
        totp.start(
            caller.userId(),
            caller.accountName(),
            proof(request == null ? null : request.verification())));
  }

  @Post("/totp/confirm")
  public StatusResponse confirmTotp(Caller caller, @Body CodeRequest request) {
    FieldChecks.valid(request);
    return StatusResponse.from(totp.confirm(caller.userId(), request.code()));
  }

  @Post("/sms")
  public SmsChallengeResponse startSms(Caller caller, @Body SmsSetupRequest request) {
    FieldChecks.valid(request);
    return SmsChallengeResponse.from(
        sms.start(caller.userId(), request.phoneNumber(), proof(request.verification())));
  }

  @Post("/sms/confirm")
  public StatusResponse confirmSms(Caller caller, @Body CodeRequest request) {
    FieldChecks.valid(request);
    return StatusResponse.from(sms.confirm(caller.userId(), request.code()));
  }

  private static Optional<Proof> proof(ProofRequest verification) {
    return Optional.ofNullable(verification).map(ProofRequest::toProof);
  }
}
