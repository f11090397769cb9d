package com.twofactor.enrollment;

import com.twofactor.api.http.Caller;
import com.twofactor.api.json.CodeRequest;
import com.twofactor.api.json.StatusResponse;
import com.twofactor.api.json.TotpSetupResponse;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;

/** Status and TOTP set-up of the calling user (DESIGN.md: GET /two-factor, /two-factor/totp*). */
@Controller("/two-factor")
public class EnrollmentController {
  private final StatusService status;
  private final TotpEnrollmentService totp;

  public EnrollmentController(StatusService status, TotpEnrollmentService totp) {
    this.status = status;
    this.totp = totp;
  }

  @Get
  public StatusResponse status(Caller caller) {
    return StatusResponse.from(status.status(caller.userId()));
  }

  @Post("/totp")
  public TotpSetupResponse startTotp(Caller caller) {
    return TotpSetupResponse.from(totp.start(caller.userId(), caller.accountName()));
  }

  @Post("/totp/confirm")
  public StatusResponse confirmTotp(Caller caller, @Valid @Body CodeRequest request) {
    return StatusResponse.from(totp.confirm(caller.userId(), request.code()));
  }
}
