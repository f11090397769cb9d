package com.twofactor.core.service;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.ErrorCode;
import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Membership;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import com.twofactor.core.port.OrgStore;
import com.twofactor.core.port.StaleStateException;
import com.twofactor.core.port.TwoFactorStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Organizations, their members, and the owners' "Require two-factor" switch.
 *
 * <p>The invariant "an org that requires 2FA has only owners with 2FA" holds without transactions:
 * every owner of a requiring org is marked in their own user state by a conditional write that
 * checks 2FA is on (see {@link RequirementMarks}); disabling checks the marks in its own
 * conditional write of that state, so one of the two always loses. Every change of the owner list
 * and of the requirement is a conditional write of the org item, so a switch that read an older
 * owner list fails and starts again. Switching costs one org read and write plus a read and a write
 * per owner, whatever the number of members.
 *
 * <p>Members are never removed for lacking 2FA: they get the grace period from the moment the
 * requirement (or their membership) starts, and the access check says no after it.
 */
public final class OrgService {
  /** Org writes that lose a race are retried this many times before answering 503. */
  private static final int MAX_ROUNDS = 16;

  private final OrgStore orgs;
  private final TwoFactorStore users;
  private final AuditLog audit;
  private final Clock clock;
  private final RequirementMarks marks;

  public OrgService(OrgStore orgs, TwoFactorStore users, AuditLog audit, Clock clock) {
    this.orgs = orgs;
    this.users = users;
    this.audit = audit;
    this.clock = clock;
    this.marks = new RequirementMarks(users, audit);
  }

  /** Creates an org with the caller as its only owner. */
  public Org create(String caller, String name) {
    Instant now = clock.instant();
    String orgId = UUID.randomUUID().toString();
    orgs.putMembership(new Membership(orgId, caller, Role.OWNER, now));
    Org org = orgs.saveOrg(new Org(orgId, name, List.of(caller), false, null, 0, now, 0));
    record(caller, "org.create", orgId, Map.of());
    return org;
  }

  /**
   * Adds a member or changes a member's role. Only an owner may; in an org that requires 2FA only a
   * user with 2FA can become owner; the last owner cannot step down.
   */
  public Membership putMember(String caller, String orgId, String userId, Role role) {
    Instant now = clock.instant();
    Membership existing = orgs.findMembership(orgId, userId).orElse(null);
    Membership membership =
        new Membership(orgId, userId, role, existing == null ? now : existing.joinedAt());
    if (role == Role.OWNER) {
      changeOwners(
          caller,
          orgId,
          org -> {
            if (org.isOwner(userId)) {
              return org;
            }
            if (org.required() && !marks.mark(userId, orgId)) {
              throw ListedConflictException.ownersWithoutTwoFactor(List.of(userId));
            }
            List<String> owners = new ArrayList<>(org.owners());
            owners.add(userId);
            return org.withOwners(owners);
          });
      orgs.putMembership(membership);
    } else {
      Org org = changeOwners(caller, orgId, current -> withoutOwner(current, userId));
      orgs.putMembership(membership);
      if (org.required()) {
        marks.unmark(userId, orgId);
      }
    }
    record(caller, "org.member.put", orgId, Map.of("member", userId, "role", role.wireName()));
    return membership;
  }

  /** Removes a member (an owner only; never the last owner). */
  public void removeMember(String caller, String orgId, String userId) {
    Org org = changeOwners(caller, orgId, current -> withoutOwner(current, userId));
    if (orgs.findMembership(orgId, userId).isEmpty()) {
      throw new TwoFactorException(ErrorCode.NOT_FOUND, "That user is not a member.");
    }
    orgs.deleteMembership(orgId, userId);
    marks.unmark(userId, orgId);
    record(caller, "org.member.remove", orgId, Map.of("member", userId));
  }

  /**
   * The "Require two-factor" switch. Switching on is refused with {@code
   * owners_without_two_factor}, naming every owner without 2FA.
   */
  public Org setRequirement(String caller, String orgId, boolean required, Integer graceHours) {
    if (graceHours != null && (graceHours < 0 || graceHours > 24 * 90)) {
      throw new InvalidRequestException("gracePeriodHours", "must be between 0 and 2160");
    }
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Org org = ownedOrg(caller, orgId);
      int grace = graceHours == null ? org.gracePeriodHours() : graceHours;
      Instant now = clock.instant();
      List<String> marked = new ArrayList<>();
      if (required && !org.required()) {
        List<String> missing = new ArrayList<>();
        for (String owner : org.owners()) {
          (marks.mark(owner, orgId) ? marked : missing).add(owner);
        }
        if (!missing.isEmpty()) {
          marked.forEach(owner -> marks.unmark(owner, orgId));
          record(
              caller,
              "org.requirement.on",
              orgId,
              AuditEvent.Outcome.FAILURE,
              Map.of("ownersWithout2fa", Integer.toString(missing.size())));
          throw ListedConflictException.ownersWithoutTwoFactor(missing);
        }
      }
      Instant since = required ? (org.required() ? org.requiredSince() : now) : null;
      Org saved;
      try {
        saved = orgs.saveOrg(org.withRequirement(required, since, grace));
      } catch (StaleStateException lost) {
        marked.forEach(owner -> marks.unmark(owner, orgId));
        continue;
      }
      if (!required) {
        // Also when already off: switching off again clears marks an interrupted switch left.
        org.owners().forEach(owner -> marks.unmark(owner, orgId));
      }
      record(
          caller,
          required ? "org.requirement.on" : "org.requirement.off",
          orgId,
          Map.of("gracePeriodHours", Integer.toString(grace)));
      return saved;
    }
    throw new DependencyUnavailableException("store", null);
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
      OrgStore.MemberPage page = orgs.listMembers(orgId, after, 100);
      Map<String, UserTwoFactor> states =
          users.loadAll(page.members().stream().map(Membership::userId).toList());
      for (Membership m : page.members()) {
        boolean with = states.get(m.userId()).enabled();
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
      OrgStore.MemberPage page = orgs.listMembers(orgId, after, limit - listed.size());
      Map<String, UserTwoFactor> states =
          users.loadAll(page.members().stream().map(Membership::userId).toList());
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

  /**
   * Grace starts at the latest of: the requirement, the membership, and the user's last admin reset
   * (a member whose factors an administrator removed gets the org's grace period from then on).
   */
  private static Optional<Instant> graceEndsAt(
      Org org, Membership membership, UserTwoFactor state) {
    if (!org.required()) {
      return Optional.empty();
    }
    Instant start =
        membership.joinedAt().isAfter(org.requiredSince())
            ? membership.joinedAt()
            : org.requiredSince();
    AdminReset reset = state.lastAdminReset();
    if (reset != null && reset.at().isAfter(start)) {
      start = reset.at();
    }
    return Optional.of(start.plus(Duration.ofHours(org.gracePeriodHours())));
  }

  /** Applies {@code change} to the org's owner list as a conditional write, retrying races. */
  private Org changeOwners(String caller, String orgId, Function<Org, Org> change) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      Org org = ownedOrg(caller, orgId);
      Org changed = change.apply(org);
      if (changed.equals(org)) {
        return org;
      }
      try {
        return orgs.saveOrg(changed);
      } catch (StaleStateException lost) {
        // Re-read: the requirement or the owners changed; the change is decided again.
      }
    }
    throw new DependencyUnavailableException("store", null);
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

  /** The org without {@code userId} among its owners; the last owner cannot go. */
  private static Org withoutOwner(Org org, String userId) {
    if (!org.isOwner(userId)) {
      return org;
    }
    ensureNotLastOwner(org, userId);
    return org.withOwners(org.owners().stream().filter(o -> !o.equals(userId)).toList());
  }

  private static void ensureNotLastOwner(Org org, String userId) {
    if (org.owners().size() == 1 && org.isOwner(userId)) {
      throw new TwoFactorException(
          ErrorCode.LAST_OWNER, "The last owner cannot leave or step down; add another first.");
    }
  }

  /** Orgs the caller does not belong to are reported as missing, not as forbidden. */
  private static TwoFactorException noSuchOrg() {
    return new TwoFactorException(ErrorCode.NOT_FOUND, "There is no such organization.");
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
