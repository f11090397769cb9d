package com.twofactor.core.service;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Invitation;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.OrgCommit;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.TwoFactorStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Organizations, their members and invitations, and the owners' "Require two-factor" switch.
 *
 * <p>Membership needs the member's consent: an owner's PUT for a non-member only invites, and the
 * invitation binds nothing until the invitee accepts it (or a trusted back end, which keeps its own
 * invitations, adds the member directly). Any member may leave, except the last owner.
 *
 * <p>Every change is one {@link OrgCommit}: the org item (whose version serializes all changes of
 * an org), the membership or invitation, and the requirement marks in the owners' own states are
 * written together, each under the condition it was decided on, through the one retry loop of
 * {@link StateUpdates#retrying}. So "an org that requires 2FA has only owners with 2FA, each
 * marked" holds under any interleaving: disabling 2FA checks the marks in its own conditional write
 * of the same state, and a switch or promotion that read an older state or org loses and decides
 * again.
 *
 * <p>Members are never removed for lacking 2FA: they get the grace period from the moment the
 * requirement (or their membership) starts, and the access check says no after it.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class OrgService {
  private final OrgStore orgs;
  private final TwoFactorStore users;
  private final AuditLog audit;
  private final Clock clock;
  private final MembershipCommits commits;

  public OrgService(OrgStore orgs, TwoFactorStore users, AuditLog audit, Clock clock) {
    this.orgs = orgs;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.commits = new MembershipCommits(users);
  }

  /** Creates an org with the caller as its only owner. */
  public Org create(String caller, String name) {
    Org org =
        StateUpdates.retrying(
            () -> {
              Instant now = clock.instant();
              String orgId = UUID.randomUUID().toString();
              Org created = new Org(orgId, name, List.of(caller), false, null, 0, now, 0);
              orgs.commit(
                  new OrgCommit(
                      created,
                      List.of(
                          new OrgCommit.Change<>(
                              caller, null, new Membership(orgId, caller, Role.OWNER, now))),
                      List.of(),
                      List.of()));
              return created.withVersion(1);
            });
    record(caller, "org.create", org.orgId(), Map.of());
    return org;
  }

  /** What an owner's PUT of a member did: changed a member's role, or invited a non-member. */
  public record MemberPut(Membership membership, Invitation invitation) {
    public boolean invited() {
      return invitation != null;
    }
  }

  /**
   * Changes a member's role, or invites a non-member. Only an owner may; in an org that requires
   * 2FA only a user with 2FA can become owner; the last owner cannot step down.
   */
  public MemberPut putMember(String caller, String orgId, String userId, Role role) {
    MemberPut put =
        StateUpdates.retrying(
            () -> {
              Org org = ownedOrg(caller, orgId);
              Instant now = clock.instant();
              Membership existing = orgs.findMembership(orgId, userId).orElse(null);
              if (existing == null) {
                Invitation before = orgs.findInvitation(orgId, userId).orElse(null);
                Invitation invitation = new Invitation(orgId, userId, role, caller, now);
                orgs.commit(
                    new OrgCommit(
                        org,
                        List.of(),
                        List.of(new OrgCommit.Change<>(userId, before, invitation)),
                        List.of()));
                return new MemberPut(null, invitation);
              }
              Membership after = new Membership(orgId, userId, role, existing.joinedAt());
              if (!existing.equals(after) || org.isOwner(userId) != (role == Role.OWNER)) {
                orgs.commit(commits.move(org, userId, existing, after, List.of()));
              }
              return new MemberPut(after, null);
            });
    record(
        caller,
        put.invited() ? "org.member.invite" : "org.member.put",
        orgId,
        Map.of("member", userId, "role", role.wireName()));
    return put;
  }

  /**
   * A trusted back end that keeps its own invitations vouches for the user's consent: adds the
   * member (or changes the role) directly, under the same rules as an owner's change.
   */
  public Membership putMemberDirectly(String actor, String orgId, String userId, Role role) {
    Membership membership =
        StateUpdates.retrying(
            () -> {
              Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg);
              Membership existing = orgs.findMembership(orgId, userId).orElse(null);
              Membership after =
                  new Membership(
                      orgId,
                      userId,
                      role,
                      existing == null ? clock.instant() : existing.joinedAt());
              Invitation invitation = orgs.findInvitation(orgId, userId).orElse(null);
              if (!after.equals(existing)
                  || invitation != null
                  || org.isOwner(userId) != (role == Role.OWNER)) {
                orgs.commit(
                    commits.move(org, userId, existing, after, withdrawn(userId, invitation)));
              }
              return after;
            });
    record(actor, "org.member.put", orgId, Map.of("member", userId, "role", role.wireName()));
    return membership;
  }

  /** The caller's open invitations. */
  public List<OrgStore.PendingInvitation> invitations(String caller) {
    return orgs.invitationsOf(caller);
  }

  /**
   * Accepts the caller's invitation: they become a member with the offered role. Accepting as owner
   * of a requiring org without 2FA is refused (the invitation stays).
   */
  public Membership acceptInvitation(String caller, String orgId) {
    Membership membership =
        StateUpdates.retrying(
            () -> {
              Invitation invitation =
                  orgs.findInvitation(orgId, caller).orElseThrow(OrgService::noInvitation);
              Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noInvitation);
              Membership existing = orgs.findMembership(orgId, caller).orElse(null);
              Membership after =
                  new Membership(
                      orgId,
                      caller,
                      invitation.role(),
                      existing == null ? clock.instant() : existing.joinedAt());
              orgs.commit(
                  commits.move(org, caller, existing, after, withdrawn(caller, invitation)));
              return after;
            });
    record(caller, "org.invitation.accept", orgId, Map.of("role", membership.role().wireName()));
    return membership;
  }

  /** Declines (deletes) the caller's invitation. */
  public void declineInvitation(String caller, String orgId) {
    StateUpdates.retrying(
        () -> {
          Invitation invitation =
              orgs.findInvitation(orgId, caller).orElseThrow(OrgService::noInvitation);
          Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noInvitation);
          orgs.commit(new OrgCommit(org, List.of(), withdrawn(caller, invitation), List.of()));
          return null;
        });
    record(caller, "org.invitation.decline", orgId, Map.of());
  }

  /**
   * Removes a member: an owner may remove anyone, any member may remove themself (leave); never the
   * last owner.
   */
  public void removeMember(String caller, String orgId, String userId) {
    StateUpdates.retrying(
        () -> {
          Org org =
              caller.equals(userId)
                  ? orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg)
                  : ownedOrg(caller, orgId);
          Membership existing =
              orgs.findMembership(orgId, userId)
                  .orElseThrow(() -> caller.equals(userId) ? noSuchOrg() : notAMember());
          orgs.commit(commits.move(org, userId, existing, null, List.of()));
          return null;
        });
    record(
        caller,
        caller.equals(userId) ? "org.member.leave" : "org.member.remove",
        orgId,
        Map.of("member", userId));
  }

  /** A trusted back end removes a member directly (never the last owner). */
  public void removeMemberDirectly(String actor, String orgId, String userId) {
    StateUpdates.retrying(
        () -> {
          Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg);
          Membership existing =
              orgs.findMembership(orgId, userId).orElseThrow(OrgService::notAMember);
          orgs.commit(commits.move(org, userId, existing, null, List.of()));
          return null;
        });
    record(actor, "org.member.remove", orgId, Map.of("member", userId));
  }

  /**
   * The "Require two-factor" switch. Switching on marks every owner in the same commit, and is
   * refused with {@code owners_without_two_factor}, naming every owner without 2FA; switching off
   * unmarks the owners of that same commit's org version, so it can never undo a newer switch-on.
   */
  public Org setRequirement(String caller, String orgId, boolean required, Integer graceHours) {
    if (graceHours != null && (graceHours < 0 || graceHours > 24 * 90)) {
      throw new InvalidRequestException("gracePeriodHours", "must be between 0 and 2160");
    }
    Org saved =
        StateUpdates.retrying(
            () -> {
              Org org = ownedOrg(caller, orgId);
              int grace = graceHours == null ? org.gracePeriodHours() : graceHours;
              Map<String, UserTwoFactor> states = users.loadAll(org.owners());
              List<String> missing = new ArrayList<>();
              List<UserTwoFactor> marked = new ArrayList<>();
              for (String owner : org.owners()) {
                UserTwoFactor state = states.get(owner);
                if (required && !state.enabled()) {
                  missing.add(owner);
                } else if (state.requiredBy().contains(orgId) != required) {
                  marked.add(MembershipCommits.mark(state, orgId, required));
                } else if (required) {
                  marked.add(state);
                }
              }
              if (!missing.isEmpty()) {
                record(
                    caller,
                    "org.requirement.on",
                    orgId,
                    AuditEvent.Outcome.FAILURE,
                    Map.of("ownersWithout2fa", Integer.toString(missing.size())));
                throw ListedConflictException.ownersWithoutTwoFactor(missing);
              }
              Instant since =
                  required ? (org.required() ? org.requiredSince() : clock.instant()) : null;
              Org next = org.withRequirement(required, since, grace);
              orgs.commit(new OrgCommit(next, List.of(), List.of(), marked));
              return next.withVersion(org.version() + 1);
            });
    record(
        caller,
        required ? "org.requirement.on" : "org.requirement.off",
        orgId,
        Map.of("gracePeriodHours", Integer.toString(saved.gracePeriodHours())));
    return saved;
  }

  /** The org's 2FA picture, for any member: reads every member's state (cost grows with them). */
  public Summary summary(String caller, String orgId) {
    Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg);
    if (!org.isOwner(caller) && orgs.findMembership(orgId, caller).isEmpty()) {
      throw noSuchOrg();
    }
    int owners = 0;
    int ownersWith = 0;
    int members = 0;
    int membersWith = 0;
    String after = null;
    do {
      MembersWithStates page = membersWithStates(orgId, after, 100);
      for (Membership m : page.members()) {
        boolean with = page.states().get(m.userId()).enabled();
        if (m.role() == Role.OWNER) {
          owners++;
          ownersWith += with ? 1 : 0;
        } else {
          members++;
          membersWith += with ? 1 : 0;
        }
      }
      after = page.lastUserId();
    } while (after != null);
    return new Summary(
        org.required(),
        org.requiredSince(),
        org.gracePeriodHours(),
        owners,
        ownersWith,
        members,
        membersWith);
  }

  /** What {@code GET /orgs/{orgId}/two-factor} shows. */
  public record Summary(
      boolean required,
      Instant requiredSince,
      int gracePeriodHours,
      int owners,
      int ownersWithTwoFactor,
      int members,
      int membersWithTwoFactor) {}

  /** One listed member. */
  public record ListedMember(String userId, Role role, boolean twoFactor, Instant graceEndsAt) {}

  /** A page of the listing; {@code nextCursor} is null on the last page. */
  public record MemberListing(List<ListedMember> members, String nextCursor) {}

  /**
   * Lists members for an owner, a page at a time, optionally only those without 2FA. A filtered
   * page may hold fewer than {@code limit} members; follow {@code nextCursor} until it is null.
   */
  public MemberListing listMembers(
      String caller, String orgId, boolean missingOnly, int limit, String afterUserId) {
    Org org = ownedOrg(caller, orgId);
    List<ListedMember> listed = new ArrayList<>();
    String after = afterUserId;
    int scannedPages = 0;
    do {
      MembersWithStates page = membersWithStates(orgId, after, limit - listed.size());
      Map<String, UserTwoFactor> states = page.states();
      for (Membership m : page.members()) {
        boolean with = states.get(m.userId()).enabled();
        if (!missingOnly || !with) {
          listed.add(
              new ListedMember(
                  m.userId(),
                  m.role(),
                  with,
                  with ? null : graceEndsAt(org, m, states.get(m.userId())).orElse(null)));
        }
      }
      after = page.lastUserId();
      scannedPages++;
    } while (after != null && listed.size() < limit && scannedPages < 10);
    return new MemberListing(listed, after);
  }

  /** One page of an org's members and their states; {@code lastUserId} is null on the last. */
  private record MembersWithStates(
      List<Membership> members, Map<String, UserTwoFactor> states, String lastUserId) {}

  /** Reads a page of members after {@code afterUserId}: one query and one batch read. */
  private MembersWithStates membersWithStates(String orgId, String afterUserId, int limit) {
    OrgStore.MemberPage page = orgs.listMembers(orgId, afterUserId, limit);
    return new MembersWithStates(
        page.members(),
        users.loadAll(page.members().stream().map(Membership::userId).toList()),
        page.lastUserId());
  }

  /** The access check: may {@code userId} use the org now? Asked by that member or an owner. */
  public Access access(String caller, String orgId, String userId) {
    Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg);
    if (!caller.equals(userId) && !org.isOwner(caller)) {
      if (orgs.findMembership(orgId, caller).isEmpty()) {
        throw noSuchOrg();
      }
      throw new TwoFactorException(
          ErrorCode.FORBIDDEN, "Only the member or an owner may ask about this member.");
    }
    Membership membership =
        orgs.findMembership(orgId, userId)
            .orElseThrow(() -> caller.equals(userId) ? noSuchOrg() : notAMember());
    UserTwoFactor state = users.load(userId);
    if (!org.required() || state.enabled()) {
      return new Access(true, null, null);
    }
    Instant graceEnds = graceEndsAt(org, membership, state).orElseThrow();
    return clock.instant().isBefore(graceEnds)
        ? new Access(true, null, graceEnds)
        : new Access(false, "two_factor_required", graceEnds);
  }

  /** The access check's answer. */
  public record Access(boolean allowed, String reason, Instant graceEndsAt) {}

  private static Optional<Instant> graceEndsAt(
      Org org, Membership membership, UserTwoFactor state) {
    return org.required()
        ? Optional.of(StatusService.graceEndsAt(org, membership, state))
        : Optional.empty();
  }

  private Org ownedOrg(String caller, String orgId) {
    Org org = orgs.findOrg(orgId).orElseThrow(OrgService::noSuchOrg);
    if (!org.isOwner(caller)) {
      if (orgs.findMembership(orgId, caller).isPresent()) {
        throw new TwoFactorException(ErrorCode.FORBIDDEN, "Only an owner may do this.");
      }
      throw noSuchOrg();
    }
    return org;
  }

  /** The deletion of {@code userId}'s invitation, if there is one. */
  private static List<OrgCommit.Change<Invitation>> withdrawn(
      String userId, Invitation invitation) {
    return invitation == null
        ? List.of()
        : List.of(new OrgCommit.Change<Invitation>(userId, invitation, null));
  }

  /** Orgs the caller does not belong to are reported as missing, not as forbidden. */
  private static TwoFactorException noSuchOrg() {
    return new TwoFactorException(ErrorCode.NOT_FOUND, "There is no such organization.");
  }

  private static TwoFactorException noInvitation() {
    return new TwoFactorException(ErrorCode.NOT_FOUND, "There is no such invitation.");
  }

  private static TwoFactorException notAMember() {
    return new TwoFactorException(ErrorCode.NOT_FOUND, "That user is not a member.");
  }

  private void record(String caller, String action, String orgId, Map<String, String> details) {
    record(caller, action, orgId, AuditEvent.Outcome.SUCCESS, details);
  }

  private void record(
      String caller,
      String action,
      String orgId,
      AuditEvent.Outcome outcome,
      Map<String, String> details) {
    audit.record(new AuditEvent(clock.instant(), caller, action, orgId, outcome, details));
  }
}
