package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.ListedConflictException;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class OrgAndDisableTest {
  private final Fixture f = new Fixture();

  private Proof proof(byte[] secret) {
    f.nextStep();
    return new Proof(Method.TOTP, f.codeNow(secret));
  }

  @Test
  void disable_oneMethodKeepsTheOtherAndTheBackupCodes() {
    byte[] secret = f.enrollTotp("alice");
    f.enrollSms("alice", proof(secret));

    TwoFactorStatus status = f.disable.disable("alice", proof(secret), Optional.of(Method.SMS));

    assertThat(status.enabled()).isTrue();
    assertThat(status.sms().status()).isEqualTo(TwoFactorStatus.State.NONE);
    assertThat(status.backupCodes().total()).isEqualTo(10);
    assertThat(f.audit.actions()).contains("two_factor.method_removed");
  }

  @Test
  void disable_theLastMethodTurns2faOffAndRemovesTheBackupCodes() {
    byte[] secret = f.enrollTotp("alice");

    TwoFactorStatus status = f.disable.disable("alice", proof(secret), Optional.of(Method.TOTP));

    assertThat(status.enabled()).isFalse();
    assertThat(status.backupCodes().total()).isZero();
    assertThat(f.audit.actions()).contains("two_factor.disable");
  }

  @Test
  void disable_needsAValidFreshSecondFactor() {
    byte[] secret = f.enrollTotp("alice");

    assertThat(
            refusal(
                    () ->
                        f.disable.disable(
                            "alice", new Proof(Method.TOTP, f.wrongCode(secret)), Optional.empty()))
                .code())
        .isEqualTo(ErrorCode.INVALID_CODE);
    assertThat(f.status.status("alice").enabled()).isTrue();
  }

  @Test
  void disable_isRefusedForMembersAndOwnersOfARequiringOrg() {
    byte[] owner = f.enrollTotp("olga");
    byte[] member = f.enrollTotp("mike");
    Org org = f.orgs.create("olga", "Acme");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    f.orgs.setRequirement("olga", org.orgId(), true, 0);

    TwoFactorException memberRefused =
        refusal(() -> f.disable.disable("mike", proof(member), Optional.empty()));
    TwoFactorException ownerRefused =
        refusal(() -> f.disable.disable("olga", proof(owner), Optional.empty()));

    assertThat(memberRefused).isInstanceOf(ListedConflictException.class);
    assertThat(((ListedConflictException) memberRefused).ids()).containsExactly(org.orgId());
    assertThat(ownerRefused.code()).isEqualTo(ErrorCode.TWO_FACTOR_REQUIRED_BY_ORG);
    assertThat(f.status.status("olga").requiredBy())
        .extracting(TwoFactorStatus.OrgRequirement::orgId)
        .containsExactly(org.orgId());

    f.orgs.setRequirement("olga", org.orgId(), false, 0);
    assertThat(f.status.status("olga").requiredBy()).isEmpty();
    assertThat(f.disable.disable("olga", proof(owner), Optional.empty()).enabled()).isFalse();
  }

  @Test
  void switch_namesEveryOwnerWithout2fa() {
    f.enrollTotp("olga");
    Org org = f.orgs.create("olga", "Acme");
    f.join("olga", org.orgId(), "oscar", Role.OWNER);
    f.join("olga", org.orgId(), "otto", Role.OWNER);

    TwoFactorException refused = refusal(() -> f.orgs.setRequirement("olga", org.orgId(), true, 0));

    assertThat(((ListedConflictException) refused).ids()).containsExactly("oscar", "otto");
    assertThat(f.status.status("olga").requiredBy()).as("marks are rolled back").isEmpty();
  }

  @Test
  void access_followsTheGracePeriodFromWhenTheMembershipStarted() {
    f.enrollTotp("olga");
    Org org = f.orgs.create("olga", "Acme");
    f.orgs.setRequirement("olga", org.orgId(), true, 48);
    f.clock.advance(Duration.ofHours(40));
    f.join("olga", org.orgId(), "late", Role.MEMBER);

    f.clock.advance(Duration.ofHours(47));
    assertThat(f.orgs.access("late", org.orgId(), "late").allowed()).isTrue();
    f.clock.advance(Duration.ofHours(2));
    OrgService.Access denied = f.orgs.access("olga", org.orgId(), "late");

    assertThat(denied.allowed()).isFalse();
    assertThat(denied.reason()).isEqualTo("two_factor_required");
  }

  @Test
  void members_theLastOwnerCannotLeaveOrStepDown() {
    Org org = f.orgs.create("olga", "Acme");

    assertThat(refusal(() -> f.orgs.removeMember("olga", org.orgId(), "olga")).code())
        .isEqualTo(ErrorCode.LAST_OWNER);
    assertThat(refusal(() -> f.orgs.putMember("olga", org.orgId(), "olga", Role.MEMBER)).code())
        .isEqualTo(ErrorCode.LAST_OWNER);
  }

  @Test
  void members_outsidersSeeNoOrgAndMembersCannotActAsOwners() {
    Org org = f.orgs.create("olga", "Acme");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);

    assertThat(refusal(() -> f.orgs.summary("stranger", org.orgId())).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(refusal(() -> f.orgs.setRequirement("mike", org.orgId(), true, 0)).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(refusal(() -> f.orgs.access("mike", org.orgId(), "olga")).code())
        .isEqualTo(ErrorCode.FORBIDDEN);
  }
}
