package com.twofactor.disable;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.BranchKeyRotated;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.OperatorRequest;
import com.twofactor.core.service.BranchKeyRotationService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

/**
 * Branch-key rotation: a trusted back end adds the next version on an operator's behalf. Lives in
 * the disable function, whose role may already seal the branch key (KMS {@code Encrypt} with its
 * context) and write its item.
 */
@Controller
public class BranchKeyRotationController {

  private final BranchKeyRotationService rotation;

  public BranchKeyRotationController(BranchKeyRotationService rotation) {
    this.rotation = rotation;
  }

  @Post("/internal/branch-key/rotations")
  public HttpResponse<BranchKeyRotated> rotate(
      TrustedBackend backend, @Body OperatorRequest request) {
    FieldChecks.valid(request);
    return HttpResponse.status(HttpStatus.CREATED)
        .body(
            BranchKeyRotated.from(
                rotation.rotate(backend.auditActor(), request.actor(), request.reason())));
  }
}
