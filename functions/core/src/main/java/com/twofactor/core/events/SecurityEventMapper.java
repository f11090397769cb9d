package com.twofactor.core.events;

import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.AdminReset;
import com.twofactor.core.model.BackupCodeSet;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Org;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tells which security events one stored change means, from the states before and after it alone
 * (pure: no clock, no store). Because the events come from what was written, a request that failed
 * after its write still produces them and a write that failed produces none.
 *
 * <p>Who made a change is read from the state too: an admin reset writes a new {@link AdminReset},
 * so factors that disappear in the same change as that record were removed by an administrator.
 *
 * <p>Stateless and thread-safe.
 */
public final class SecurityEventMapper {
  private final int lowWatermark;

  /**
   * @param lowWatermark at how many unused backup codes {@code runningLow} becomes true (the
   *     status's {@code backupCodes.runningLow} uses the same number)
   */
  public SecurityEventMapper(int lowWatermark) {
    this.lowWatermark = lowWatermark;
  }

  /**
   * @param time when the change was stored, as the feed knows it
   */
  public List<SecurityEvent> map(StoredChange change, Instant time) {
    if (change instanceof StoredChange.UserChange user) {
      return userChanged(user.before(), user.after(), time);
    }
    StoredChange.OrgChange org = (StoredChange.OrgChange) change;
    return orgChanged(org.before(), org.after(), time);
  }

  /**
   * Events of one write of a user's state; a deleted state yields none (the service never does).
   */
  public List<SecurityEvent> userChanged(UserTwoFactor before, UserTwoFactor after, Instant time) {
    if (after == null) {
      return List.of();
    }
    UserTwoFactor old = before == null ? UserTwoFactor.empty(after.userId()) : before;
    Events events = new Events(after.userId(), null, after.version(), time);

    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    compare(old.totp() != null, after.totp() != null, Method.TOTP, added, removed);
    compare(old.sms() != null, after.sms() != null, Method.SMS, added, removed);
    for (String method : added) {
      Map<String, Object> facts = facts("method", method, "methods", activeMethods(after));
      if (method.equals(Method.SMS.wireName())) {
        facts.put("phoneHint", after.sms().phoneHint());
      }
      events.add(SecurityEventType.TwoFactorEnabled, method, facts);
    }
    if (old.sms() != null && after.sms() != null && phoneReplaced(old.sms(), after.sms())) {
      events.add(
          SecurityEventType.PhoneChanged,
          null,
          facts(
              "method",
              Method.SMS.wireName(),
              "phoneHint",
              after.sms().phoneHint(),
              "previousPhoneHint",
              old.sms().phoneHint()));
    }
    backupCodeEvents(old.backupCodes(), after.backupCodes(), events);
    if (after.lockedUntil() != null && !after.lockedUntil().equals(old.lockedUntil())) {
      events.add(
          SecurityEventType.LockedOut, null, facts("lockedUntil", after.lockedUntil().toString()));
    }
    AdminReset reset =
        Objects.equals(old.lastAdminReset(), after.lastAdminReset())
            ? null
            : after.lastAdminReset();
    if (!removed.isEmpty()) {
      Map<String, Object> facts =
          facts(
              "methodsRemoved",
              removed,
              "methodsLeft",
              activeMethods(after),
              "enabled",
              after.enabled(),
              "byAdmin",
              reset != null);
      if (reset != null) {
        facts.put("actor", reset.actor());
      }
      events.add(SecurityEventType.TwoFactorDisabled, null, facts);
    }
    if (reset != null) {
      reset
          .graceEndsAt()
          .forEach(
              (orgId, graceEndsAt) ->
                  events.addForOrg(
                      SecurityEventType.OrgMemberNonCompliant,
                      orgId,
                      facts("reason", "admin_reset", "graceEndsAt", graceEndsAt.toString())));
    }
    return events.list;
  }

  /** Events of one write of an org: its requirement or grace period switched. */
  public List<SecurityEvent> orgChanged(Org before, Org after, Instant time) {
    if (after == null) {
      return List.of();
    }
    boolean wasRequired = before != null && before.required();
    int oldGrace = before == null ? 0 : before.gracePeriodHours();
    if (wasRequired == after.required()
        && (!after.required() || oldGrace == after.gracePeriodHours())) {
      return List.of();
    }
    Map<String, Object> facts =
        facts(
            "required",
            after.required(),
            "previouslyRequired",
            wasRequired,
            "gracePeriodHours",
            after.gracePeriodHours());
    if (after.requiredSince() != null) {
      facts.put("requiredSince", after.requiredSince().toString());
    }
    Events events = new Events(null, after.orgId(), after.version(), time);
    events.add(SecurityEventType.OrgTwoFactorRequirementChanged, null, facts);
    return events.list;
  }

  private void backupCodeEvents(BackupCodeSet old, BackupCodeSet now, Events events) {
    if (old == null || now == null) {
      // The first set comes with TwoFactorEnabled; removal with TwoFactorDisabled.
      return;
    }
    if (!old.salt().equals(now.salt())) {
      events.add(
          SecurityEventType.BackupCodesRegenerated,
          null,
          facts("remaining", now.remaining(), "total", now.total()));
    } else if (now.remaining() < old.remaining()) {
      events.add(
          SecurityEventType.BackupCodeUsed,
          null,
          facts(
              "method",
              Method.BACKUP_CODE.wireName(),
              "remaining",
              now.remaining(),
              "total",
              now.total(),
              "runningLow",
              now.remaining() <= lowWatermark));
    }
  }

  /** A new phone was confirmed in place of the active one (its ciphertext or time differs). */
  private static boolean phoneReplaced(ActiveSms old, ActiveSms now) {
    return !old.phone().equals(now.phone()) || !old.confirmedAt().equals(now.confirmedAt());
  }

  private static void compare(
      boolean had, boolean has, Method method, List<String> added, List<String> removed) {
    if (!had && has) {
      added.add(method.wireName());
    } else if (had && !has) {
      removed.add(method.wireName());
    }
  }

  private static List<String> activeMethods(UserTwoFactor state) {
    List<String> methods = new ArrayList<>();
    if (state.totp() != null) {
      methods.add(Method.TOTP.wireName());
    }
    if (state.sms() != null) {
      methods.add(Method.SMS.wireName());
    }
    return List.copyOf(methods);
  }

  private static Map<String, Object> facts(Object... pairs) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      facts.put((String) pairs[i], pairs[i + 1]);
    }
    return facts;
  }

  /** Collects the events of one change, giving each a stable id. */
  private static final class Events {
    private final String userId;
    private final String orgId;
    private final long version;
    private final Instant time;
    private final List<SecurityEvent> list = new ArrayList<>();

    Events(String userId, String orgId, long version, Instant time) {
      this.userId = userId;
      this.orgId = orgId;
      this.version = version;
      this.time = time;
    }

    void add(SecurityEventType type, String qualifier, Map<String, Object> facts) {
      String subject = userId != null ? "user/" + userId : "org/" + orgId;
      list.add(new SecurityEvent(id(type, subject, qualifier), type, time, userId, orgId, facts));
    }

    void addForOrg(SecurityEventType type, String memberOrgId, Map<String, Object> facts) {
      list.add(
          new SecurityEvent(
              id(type, "user/" + userId, memberOrgId), type, time, userId, memberOrgId, facts));
    }

    private String id(SecurityEventType type, String subject, String qualifier) {
      return type.name()
          + ":"
          + subject
          + ":v"
          + version
          + (qualifier == null ? "" : ":" + qualifier);
    }
  }
}
