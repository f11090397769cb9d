package com.twofactor.orgenforcement;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.OrgRequests;
import com.twofactor.api.json.OrgResponses;
import com.twofactor.core.org.Role;
import com.twofactor.core.service.OrgService;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/**
 * Membership for a trusted host back end (IAM-authorized) that keeps its own invitations: it
 * vouches for the user's consent, so members are added and removed directly.
 */
@Controller("/internal/orgs")
public class InternalOrgController {
  private static final String ID = "[A-Za-z0-9._@:+-]{1,128}";
  private static final String ID_MESSAGE = "is not a valid id";

  private final OrgService orgs;

  public InternalOrgController(OrgService orgs) {
    this.orgs = orgs;
  }

  @Put("/{orgId}/members/{userId}")
  public OrgResponses.MemberSaved putMember(
      TrustedBackend backend,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String userId,
      @Valid @Body OrgRequests.PutMember request) {
    return OrgResponses.MemberSaved.from(
        orgs.putMemberDirectly(
            backend.auditActor(), orgId, userId, Role.fromWireName(request.role()).orElseThrow()));
  }

  @Delete("/{orgId}/members/{userId}")
  public HttpResponse<Void> removeMember(
      TrustedBackend backend,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String userId) {
    orgs.removeMemberDirectly(backend.auditActor(), orgId, userId);
    return HttpResponse.noContent();
  }
}
