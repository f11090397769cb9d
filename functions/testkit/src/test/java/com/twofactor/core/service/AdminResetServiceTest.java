package com.twofactor.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.AuditEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class AdminResetServiceTest {
  private final Fixture f = new Fixture();

  private TwoFactorStatus reset(String userId) {
    return f.adminReset.reset(
        "internal:arn:backend", userId, "support:jane", "lost phone, ticket 42");
  }

  private Org requiringOrg(String owner, int graceHours) {
    Org org = f.orgs.create(owner, "Acme");
    f.orgs.setRequirement(owner, org.orgId(), true, graceHours);
    return org;
  }

  @Test
  void reset_removesEveryFactorPendingSetUpBackupCodesAndTheLockout() {
    f.enrollment.start("alice", "alice@example.com"); // a pending set-up beside the active phone
    f.enrollSms("alice");
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () -> f.verification.verify("alice", "alice", Method.BACKUP_CODE, "zzzz-zzzz"))
          .isInstanceOf(TwoFactorException.class);
    }
    assertThat(f.store.load("alice").lockedUntil()).isNotNull();

    TwoFactorStatus status = reset("alice");

    UserTwoFactor state = f.store.load("alice");
    assertThat(status.enabled()).isFalse();
    assertThat(state.totp()).isNull();
    assertThat(state.sms()).isNull();
    assertThat(state.pendingTotp()).isNull();
    assertThat(state.pendingSms()).isNull();
    assertThat(state.smsCode()).isNull();
    assertThat(state.backupCodes()).isNull();
    assertThat(state.lockedUntil()).isNull();
    assertThat(state.failedAttempts()).isZero();
    assertThat(state.lastAdminReset().actor()).isEqualTo("support:jane");
    assertThat(state.lastAdminReset().at()).isEqualTo(f.clock.instant());
  }

  @Test
  void reset_isAuditedWithTheBackendTheActorAndTheReason() {
    f.enrollTotp("alice");

    reset("alice");

    AuditEvent event =
        f.audit.events().stream()
            .filter(e -> e.action().equals("two_factor.admin_reset"))
            .findFirst()
            .orElseThrow();
    assertThat(event.actor()).isEqualTo("internal:arn:backend");
    assertThat(event.subject()).isEqualTo("alice");
    assertThat(event.details())
        .containsEntry("requestedBy", "support:jane")
        .containsEntry("reason", "lost phone, ticket 42")
        .containsEntry("methods", "totp");
  }

  @Test
  void reset_ofAUserNeverSeenIsNotFound() {
    assertThatThrownBy(() -> reset("nobody"))
        .isInstanceOfSatisfying(
            TwoFactorException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
  }

  @Test
  void reset_ofAnOwnerOfARequiringOrgIsRefusedAndChangesNothing() {
    f.enrollTotp("olga");
    Org org = requiringOrg("olga", 24);
    UserTwoFactor before = f.store.load("olga");

    assertThatThrownBy(() -> reset("olga"))
        .isInstanceOfSatisfying(
            ListedConflictException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ErrorCode.TWO_FACTOR_REQUIRED_BY_ORG);
              assertThat(e.ids()).containsExactly(org.orgId());
            });
    assertThat(f.store.load("olga")).isEqualTo(before);
  }

  @Test
  void reset_ofAnOwnerSucceedsOnceTheyAreMadeAMember() {
    f.enrollTotp("olga");
    f.enrollTotp("oscar");
    Org org = requiringOrg("olga", 24);
    f.join("olga", org.orgId(), "oscar", Role.OWNER);
    assertThatThrownBy(() -> reset("oscar")).isInstanceOf(ListedConflictException.class);

    f.orgs.putMember("olga", org.orgId(), "oscar", Role.MEMBER);

    assertThat(reset("oscar").enabled()).isFalse();
  }

  @Test
  void reset_givesAMemberTheOrgsGracePeriodFromTheResetOn() {
    f.enrollTotp("olga");
    Org org = requiringOrg("olga", 24);
    f.enrollTotp("mike");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    f.clock.advance(Duration.ofDays(10)); // long past the grace counted from the requirement
    Instant resetAt = f.clock.instant();

    reset("mike");

    Instant graceEnds = resetAt.plus(Duration.ofHours(24));
    assertThat(f.store.load("mike").lastAdminReset().graceEndsAt())
        .containsEntry(org.orgId(), graceEnds);
    OrgService.Access during = f.orgs.access("mike", org.orgId(), "mike");
    assertThat(during.allowed()).isTrue();
    assertThat(during.graceEndsAt()).isEqualTo(graceEnds);
    assertThat(f.orgs.listMembers("olga", org.orgId(), true, 10, null).members())
        .singleElement()
        .satisfies(m -> assertThat(m.graceEndsAt()).isEqualTo(graceEnds));

    f.clock.advance(Duration.ofHours(24));
    OrgService.Access after = f.orgs.access("mike", org.orgId(), "mike");
    assertThat(after.allowed()).isFalse();
    assertThat(after.reason()).isEqualTo("two_factor_required");
  }

  @Test
  void reset_ofAUserWithoutFactorsLendsNoExtraGrace() {
    f.enrollTotp("olga");
    Org org = requiringOrg("olga", 1);
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    f.enrollment.start("mike", "mike@example.com"); // something stored, but no factor
    f.clock.advance(Duration.ofHours(2));

    reset("mike");

    assertThat(f.store.load("mike").lastAdminReset()).isNull();
    assertThat(f.store.load("mike").pendingTotp()).isNull();
    assertThat(f.orgs.access("mike", org.orgId(), "mike").allowed()).isFalse();
  }

  @Test
  void reset_memberCanEnableAgainAndThenCannotDisableAlone() {
    f.enrollTotp("olga");
    Org org = requiringOrg("olga", 24);
    f.enrollTotp("mike");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    reset("mike");

    byte[] secret = f.enrollTotp("mike");

    assertThat(f.orgs.access("mike", org.orgId(), "mike").graceEndsAt()).isNull();
    f.nextStep();
    assertThatThrownBy(
            () ->
                f.disable.disable(
                    "mike", new Proof(Method.TOTP, f.codeNow(secret)), Optional.empty()))
        .isInstanceOf(ListedConflictException.class);
  }
}
