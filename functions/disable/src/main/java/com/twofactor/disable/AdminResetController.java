package com.twofactor.disable;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.OperatorRequest;
import com.twofactor.api.json.StatusResponse;
import com.twofactor.core.service.AdminResetService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;

/** Account recovery: a trusted back end removes a user's factors on an administrator's behalf. */
@Controller
public class AdminResetController {

  private final AdminResetService reset;

  public AdminResetController(AdminResetService reset) {
    this.reset = reset;
  }

  @Post("/internal/users/{userId}/two-factor/reset")
  public StatusResponse reset(
      TrustedBackend backend, @PathVariable String userId, @Body OperatorRequest request) {
    FieldChecks.start().userId(userId).nested(request).orThrow();
    return StatusResponse.from(
        reset.reset(backend.auditActor(), userId, request.actor(), request.reason()));
  }
}
