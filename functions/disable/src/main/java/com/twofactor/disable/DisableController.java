package com.twofactor.disable;

import com.twofactor.api.http.Caller;
import com.twofactor.api.json.DisableRequest;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.StatusResponse;
import com.twofactor.core.model.Method;
import com.twofactor.core.service.DisableService;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.util.Optional;

/** "Disable 2FA", or removing one method, for the calling user. */
@Controller("/two-factor/disable")
public class DisableController {
  private final DisableService disable;

  public DisableController(DisableService disable) {
    this.disable = disable;
  }

  @Post
  public StatusResponse disable(Caller caller, @Body DisableRequest request) {
    FieldChecks.valid(request);
    return StatusResponse.from(
        disable.disable(
            caller.userId(),
            request.verification().toProof(),
            Optional.ofNullable(request.method()).flatMap(Method::fromWireName)));
  }
}
