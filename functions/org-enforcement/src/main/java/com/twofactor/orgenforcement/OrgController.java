package com.twofactor.orgenforcement;

import com.twofactor.api.http.Caller;
import com.twofactor.api.json.FieldChecks;
import com.twofactor.api.json.OrgRequests;
import com.twofactor.api.json.OrgResponses;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.org.Role;
import com.twofactor.core.service.OrgService;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;

/** Organizations, members, the "Require two-factor" switch, compliance and the access check. */
@Controller("/orgs")
public class OrgController {
  /** Opaque page cursors: base64url of the last user id of a page. */
  private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");

  private final OrgService orgs;

  public OrgController(OrgService orgs) {
    this.orgs = orgs;
  }

  @Post
  public HttpResponse<OrgResponses.OrgCreated> create(
      Caller caller, @Body OrgRequests.CreateOrg request) {
    FieldChecks.valid(request);
    return HttpResponse.status(HttpStatus.CREATED)
        .body(OrgResponses.OrgCreated.from(orgs.create(caller.userId(), request.name().trim())));
  }

  /** A member's new role (200), or an invitation for a non-member (202) that binds nothing. */
  @Put("/{orgId}/members/{userId}")
  public HttpResponse<Object> putMember(
      Caller caller,
      @PathVariable String orgId,
      @PathVariable String userId,
      @Body OrgRequests.PutMember request) {
    FieldChecks.start().id("orgId", orgId).id("userId", userId).nested(request).orThrow();
    OrgService.MemberPut put =
        orgs.putMember(
            caller.userId(), orgId, userId, Role.fromWireName(request.role()).orElseThrow());
    return put.invited()
        ? HttpResponse.accepted().body(OrgResponses.MemberInvited.from(put.invitation()))
        : HttpResponse.ok(OrgResponses.MemberSaved.from(put.membership()));
  }

  @Get("/invitations")
  public OrgResponses.Invitations invitations(Caller caller) {
    return OrgResponses.Invitations.from(orgs.invitations(caller.userId()));
  }

  @Post("/{orgId}/invitations/accept")
  public OrgResponses.MemberSaved acceptInvitation(Caller caller, @PathVariable String orgId) {
    FieldChecks.start().id("orgId", orgId).orThrow();
    return OrgResponses.MemberSaved.from(orgs.acceptInvitation(caller.userId(), orgId));
  }

  @Delete("/{orgId}/invitations")
  public HttpResponse<Void> declineInvitation(Caller caller, @PathVariable String orgId) {
    FieldChecks.start().id("orgId", orgId).orThrow();
    orgs.declineInvitation(caller.userId(), orgId);
    return HttpResponse.noContent();
  }

  /** An owner removes a member; any member removes themself (leaves). */
  @Delete("/{orgId}/members/{userId}")
  public HttpResponse<Void> removeMember(
      Caller caller, @PathVariable String orgId, @PathVariable String userId) {
    FieldChecks.start().id("orgId", orgId).id("userId", userId).orThrow();
    orgs.removeMember(caller.userId(), orgId, userId);
    return HttpResponse.noContent();
  }

  @Get("/{orgId}/two-factor")
  public OrgResponses.Summary summary(Caller caller, @PathVariable String orgId) {
    FieldChecks.start().id("orgId", orgId).orThrow();
    return OrgResponses.Summary.from(orgs.summary(caller.userId(), orgId));
  }

  @Put("/{orgId}/two-factor")
  public OrgResponses.Requirement setRequirement(
      Caller caller, @PathVariable String orgId, @Body OrgRequests.SetRequirement request) {
    FieldChecks.start().id("orgId", orgId).nested(request).orThrow();
    return OrgResponses.Requirement.from(
        orgs.setRequirement(
            caller.userId(), orgId, request.required(), request.gracePeriodHours()));
  }

  @Get("/{orgId}/members{?twoFactor,limit,cursor}")
  public OrgResponses.MemberPage members(
      Caller caller,
      @PathVariable String orgId,
      @Nullable @QueryValue String twoFactor,
      @Nullable @QueryValue Integer limit,
      @Nullable @QueryValue String cursor) {
    FieldChecks.start()
        .id("orgId", orgId)
        .optionalOneOf("twoFactor", twoFactor, Set.of("missing"), "must be missing")
        .range("limit", limit, 1, 100)
        .matches("cursor", cursor, CURSOR, "is not a cursor")
        .orThrow();
    OrgService.MemberListing listing =
        orgs.listMembers(
            caller.userId(),
            orgId,
            twoFactor != null,
            limit == null ? 50 : limit,
            cursor == null ? null : decodeCursor(cursor));
    return new OrgResponses.MemberPage(
        listing.members().stream().map(OrgResponses.Member::from).toList(),
        listing.nextCursor() == null ? null : encodeCursor(listing.nextCursor()));
  }

  @Get("/{orgId}/members/{userId}/access")
  public OrgResponses.Access access(
      Caller caller, @PathVariable String orgId, @PathVariable String userId) {
    FieldChecks.start().id("orgId", orgId).id("userId", userId).orThrow();
    return OrgResponses.Access.from(orgs.access(caller.userId(), orgId, userId));
  }

  /** Cursors are opaque to clients: the last user id of the page, base64url-encoded. */
  private static String encodeCursor(String lastUserId) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(lastUserId.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeCursor(String cursor) {
    try {
      String userId = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
      if (!FieldChecks.isId(userId)) {
        throw new IllegalArgumentException();
      }
      return userId;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
    }
  }
}
