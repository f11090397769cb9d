package com.twofactor.orgenforcement;

import com.twofactor.api.http.TrustedBackend;
import com.twofactor.api.json.FieldChecks;
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

/**
 * Membership for a trusted host back end (IAM-authorized) that keeps its own invitations: it
 * vouches for the user's consent, so members are added and removed directly.
 */
@Controller("/internal/orgs")
public class InternalOrgController {

  private final OrgService orgs;

  public InternalOrgController(OrgService orgs) {
    this.orgs = orgs;
  }

  @Put("/{orgId}/members/{userId}")
  public OrgResponses.MemberSaved putMember(
      TrustedBackend backend,
      @PathVariable String orgId,
      @PathVariable String userId,
      @Body OrgRequests.PutMember request) {
    FieldChecks.start().id("orgId", orgId).id("userId", userId).nested(request).orThrow();
    return OrgResponses.MemberSaved.from(
        orgs.putMemberDirectly(
            backend.auditActor(), orgId, userId, Role.fromWireName(request.role()).orElseThrow()));
  }

  @Delete("/{orgId}/members/{userId}")
  public HttpResponse<Void> removeMember(
      TrustedBackend backend, @PathVariable String orgId, @PathVariable String userId) {
    FieldChecks.start().id("orgId", orgId).id("userId", userId).orThrow();
    orgs.removeMemberDirectly(backend.auditActor(), orgId, userId);
    return HttpResponse.noContent();
  }
}
