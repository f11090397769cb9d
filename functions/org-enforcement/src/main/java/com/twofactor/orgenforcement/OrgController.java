package com.twofactor.orgenforcement;

import com.twofactor.api.http.Caller;
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
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Organizations, members, the "Require two-factor" switch, compliance and the access check. */
@Controller("/orgs")
public class OrgController {
  private static final String ID = "[A-Za-z0-9._@:+-]{1,128}";
  private static final String ID_MESSAGE = "is not a valid id";

  private final OrgService orgs;

  public OrgController(OrgService orgs) {
    this.orgs = orgs;
  }

  @Post
  public HttpResponse<OrgResponses.OrgCreated> create(
      Caller caller, @Valid @Body OrgRequests.CreateOrg request) {
    return HttpResponse.status(HttpStatus.CREATED)
        .body(OrgResponses.OrgCreated.from(orgs.create(caller.userId(), request.name().trim())));
  }

  /** A member's new role (200), or an invitation for a non-member (202) that binds nothing. */
  @Put("/{orgId}/members/{userId}")
  public HttpResponse<Object> putMember(
      Caller caller,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String userId,
      @Valid @Body OrgRequests.PutMember request) {
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
  public OrgResponses.MemberSaved acceptInvitation(
      Caller caller, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId) {
    return OrgResponses.MemberSaved.from(orgs.acceptInvitation(caller.userId(), orgId));
  }

  @Delete("/{orgId}/invitations")
  public HttpResponse<Void> declineInvitation(
      Caller caller, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId) {
    orgs.declineInvitation(caller.userId(), orgId);
    return HttpResponse.noContent();
  }

  /** An owner removes a member; any member removes themself (leaves). */
  @Delete("/{orgId}/members/{userId}")
  public HttpResponse<Void> removeMember(
      Caller caller,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String userId) {
    orgs.removeMember(caller.userId(), orgId, userId);
    return HttpResponse.noContent();
  }

  @Get("/{orgId}/two-factor")
  public OrgResponses.Summary summary(
      Caller caller, @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId) {
    return OrgResponses.Summary.from(orgs.summary(caller.userId(), orgId));
  }

  @Put("/{orgId}/two-factor")
  public OrgResponses.Requirement setRequirement(
      Caller caller,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @Valid @Body OrgRequests.SetRequirement request) {
    return OrgResponses.Requirement.from(
        orgs.setRequirement(
            caller.userId(), orgId, request.required(), request.gracePeriodHours()));
  }

  @Get("/{orgId}/members{?twoFactor,limit,cursor}")
  public OrgResponses.MemberPage members(
      Caller caller,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @Nullable @QueryValue @Pattern(regexp = "missing", message = "must be missing")
          String twoFactor,
      @Nullable @QueryValue @Min(1) @Max(100) Integer limit,
      @Nullable @QueryValue @Pattern(regexp = "[A-Za-z0-9_-]{1,200}", message = "is not a cursor")
          String cursor) {
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
      Caller caller,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String orgId,
      @PathVariable @Pattern(regexp = ID, message = ID_MESSAGE) String userId) {
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
      if (!userId.matches(ID)) {
        throw new IllegalArgumentException();
      }
      return userId;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
    }
  }
}
