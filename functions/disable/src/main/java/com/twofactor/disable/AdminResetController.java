package com.twofactor.disable;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.AdminResetRequest;
import com.twofactor.api.json.StatusResponse;
import com.twofactor.core.service.AdminResetService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** Account recovery: a trusted back end removes a user's factors on an administrator's behalf. */
@Controller
public class AdminResetController {
  private static final String USER_ID = "[A-Za-z0-9._@:+-]{1,128}";

  private final AdminResetService reset;

  public AdminResetController(AdminResetService reset) {
    this.reset = reset;
  }

  @Post("/internal/users/{userId}/two-factor/reset")
  public StatusResponse reset(
      TrustedBackend backend,
      @PathVariable @Pattern(regexp = USER_ID, message = "is not a user id") String userId,
      @Valid @Body AdminResetRequest request) {
    return StatusResponse.from(
        reset.reset(backend.auditActor(), userId, request.actor(), request.reason()));
  }
}
