package com.twofactor.api.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.service.OrgService;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/** Answer bodies of the organization routes. */
public final class OrgResponses {
  private OrgResponses() {}

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  /** {@code {orgId, name}}. */
  @Serdeable
  public record OrgCreated(String orgId, String name) {
    public static OrgCreated from(Org org) {
      return new OrgCreated(org.orgId(), org.name());
    }
  }

  /** {@code {orgId, userId, role}}. */
  @Serdeable
  public record MemberSaved(String orgId, String userId, String role) {
    public static MemberSaved from(Membership m) {
      return new MemberSaved(m.orgId(), m.userId(), m.role().wireName());
    }
  }

  /** {@code {orgId, userId, role, status:"invited"}}: an invitation that binds nothing yet. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record MemberInvited(String orgId, String userId, String role, String status) {
    public static MemberInvited from(Invitation i) {
      return new MemberInvited(i.orgId(), i.userId(), i.role().wireName(), "invited");
    }
  }

  /** {@code GET /orgs/invitations}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Invitations(List<InvitationView> invitations) {
    public static Invitations from(List<OrgStore.PendingInvitation> pending) {
      return new Invitations(
          pending.stream()
              .map(
                  p ->
                      new InvitationView(
                          p.invitation().orgId(),
                          p.orgName(),
                          p.invitation().role().wireName(),
                          text(p.invitation().invitedAt())))
              .toList());
    }
  }

  /** One invitation as its invitee sees it. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record InvitationView(String orgId, String name, String role, String invitedAt) {}

  /** The requirement as just switched: no member counts, so the switch never reads members. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Requirement(boolean required, String requiredSince, int gracePeriodHours) {
    public static Requirement from(Org org) {
      return new Requirement(org.required(), text(org.requiredSince()), org.gracePeriodHours());
    }
  }

  /** {@code GET /orgs/{orgId}/two-factor}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Summary(
      boolean required, String requiredSince, int gracePeriodHours, Counts owners, Counts members) {
    public static Summary from(OrgService.Summary s) {
      return new Summary(
          s.required(),
          text(s.requiredSince()),
          s.gracePeriodHours(),
          new Counts(s.owners(), s.ownersWithTwoFactor()),
          new Counts(s.members(), s.membersWithTwoFactor()));
    }
  }

  /** How many, and how many with 2FA. */
  @Serdeable
  public record Counts(int total, int withTwoFactor) {}

  /** A page of members. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record MemberPage(List<Member> members, String nextCursor) {}

  /** One listed member; {@code graceEndsAt} only for members without 2FA in a requiring org. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.ALWAYS)
  public record Member(String userId, String role, boolean twoFactor, String graceEndsAt) {
    public static Member from(OrgService.ListedMember m) {
      return new Member(m.userId(), m.role().wireName(), m.twoFactor(), text(m.graceEndsAt()));
    }
  }

  /** {@code {allowed, reason?, graceEndsAt?}}. */
  @Serdeable
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Access(boolean allowed, String reason, String graceEndsAt) {
    public static Access from(OrgService.Access a) {
      return new Access(a.allowed(), a.reason(), text(a.graceEndsAt()));
    }
  }
}
