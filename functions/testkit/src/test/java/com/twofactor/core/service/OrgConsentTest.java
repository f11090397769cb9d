package com.twofactor.core.service;

import static com.twofactor.core.service.Fixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.ErrorCode;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.Method;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.service.TwoFactorStatus.OrgRequirement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Membership needs consent (issue 9, items 2, 3 and 5): an invitation binds nothing, members can
 * leave, status names every org whose requirement applies, and a refused disable burns no proof.
 */
@Tag("unit")
class OrgConsentTest {
  private final Fixture f = new Fixture();

  private Org requiringOrg() {
    f.enrollTotp("olga");
    Org org = f.orgs.create("olga", "Acme");
    f.orgs.setRequirement("olga", org.orgId(), true, 48);
    return org;
  }

  @Test
  void anInvitationBindsNothing_theInviteeIsNoMemberAndMayStillDisable() {
    Org org = requiringOrg();
    byte[] victim = f.enrollTotp("victim");

    OrgService.MemberPut put = f.orgs.putMember("olga", org.orgId(), "victim", Role.OWNER);

    assertThat(put.invited()).isTrue();
    assertThat(put.invitation().role()).isEqualTo(Role.OWNER);
    assertThat(f.orgStore.findMembership(org.orgId(), "victim")).isEmpty();
    assertThat(f.orgs.summary("olga", org.orgId()).members()).isZero();
    assertThat(f.orgs.summary("olga", org.orgId()).owners()).isEqualTo(1);
    assertThat(f.orgs.listMembers("olga", org.orgId(), false, 50, null).members())
        .extracting(OrgService.ListedMember::userId)
        .containsExactly("olga");
    assertThat(f.status.status("victim").requiredBy()).isEmpty();
    f.nextStep();
    assertThat(
            f.disable
                .disable("victim", new Proof(Method.TOTP, f.codeNow(victim)), Optional.empty())
                .enabled())
        .isFalse();
  }

  @Test
  void theInviteeSeesAcceptsOrDeclinesTheInvitation() {
    Org org = f.orgs.create("olga", "Acme");
    f.orgs.putMember("olga", org.orgId(), "mike", Role.MEMBER);
    f.orgs.putMember("olga", org.orgId(), "nina", Role.MEMBER);

    assertThat(f.orgs.invitations("mike"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.orgName()).isEqualTo("Acme");
              assertThat(i.invitation().role()).isEqualTo(Role.MEMBER);
            });
    assertThat(f.orgs.acceptInvitation("mike", org.orgId()).role()).isEqualTo(Role.MEMBER);
    f.orgs.declineInvitation("nina", org.orgId());

    assertThat(f.orgs.invitations("mike")).isEmpty();
    assertThat(f.orgs.invitations("nina")).isEmpty();
    assertThat(f.orgStore.findMembership(org.orgId(), "mike")).isPresent();
    assertThat(f.orgStore.findMembership(org.orgId(), "nina")).isEmpty();
    assertThat(refusal(() -> f.orgs.acceptInvitation("nina", org.orgId())).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void acceptingOwnershipOfARequiringOrgWithout2fa_isRefusedAndTheInvitationStays() {
    Org org = requiringOrg();
    f.orgs.putMember("olga", org.orgId(), "oscar", Role.OWNER);

    TwoFactorException refused = refusal(() -> f.orgs.acceptInvitation("oscar", org.orgId()));

    assertThat(refused.code()).isEqualTo(ErrorCode.OWNERS_WITHOUT_TWO_FACTOR);
    assertThat(f.orgs.invitations("oscar")).hasSize(1);
    f.enrollTotp("oscar");
    assertThat(f.orgs.acceptInvitation("oscar", org.orgId()).role()).isEqualTo(Role.OWNER);
    assertThat(f.store.load("oscar").requiredBy()).containsExactly(org.orgId());
  }

  @Test
  void anyMemberMayLeave_butNotTheLastOwner() {
    Org org = requiringOrg();
    f.join("olga", org.orgId(), "mike", Role.MEMBER);

    f.orgs.removeMember("mike", org.orgId(), "mike");

    assertThat(f.orgStore.findMembership(org.orgId(), "mike")).isEmpty();
    assertThat(refusal(() -> f.orgs.removeMember("olga", org.orgId(), "olga")).code())
        .isEqualTo(ErrorCode.LAST_OWNER);
    assertThat(refusal(() -> f.orgs.removeMember("mike", org.orgId(), "mike")).code())
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void aLeavingOwnerLosesTheMarkAndMayDisable() {
    Org org = requiringOrg();
    byte[] otto = f.enrollTotp("otto");
    f.join("olga", org.orgId(), "otto", Role.OWNER);
    assertThat(f.store.load("otto").requiredBy()).containsExactly(org.orgId());

    f.orgs.removeMember("otto", org.orgId(), "otto");

    assertThat(f.store.load("otto").requiredBy()).isEmpty();
    assertThat(f.orgStore.findOrg(org.orgId()).orElseThrow().owners()).containsExactly("olga");
    f.nextStep();
    assertThat(
            f.disable
                .disable("otto", new Proof(Method.TOTP, f.codeNow(otto)), Optional.empty())
                .enabled())
        .isFalse();
  }

  @Test
  void aTrustedBackEndAddsAndRemovesDirectly() {
    Org org = f.orgs.create("olga", "Acme");

    f.orgs.putMemberDirectly("internal:host", org.orgId(), "mike", Role.MEMBER);
    assertThat(f.orgStore.findMembership(org.orgId(), "mike")).isPresent();
    f.orgs.removeMemberDirectly("internal:host", org.orgId(), "mike");

    assertThat(f.orgStore.findMembership(org.orgId(), "mike")).isEmpty();
    assertThat(
            refusal(() -> f.orgs.removeMemberDirectly("internal:host", org.orgId(), "olga")).code())
        .isEqualTo(ErrorCode.LAST_OWNER);
  }

  @Test
  void statusNamesEveryRequiringOrg_asOwnerOrMemberWithTheGrace() {
    Org acme = requiringOrg();
    Org other = f.orgs.create("olga", "Other");
    f.enrollTotp("owen");
    Org owned = f.orgs.create("owen", "Owned");
    f.orgs.setRequirement("owen", owned.orgId(), true, 0);
    f.clock.advance(Duration.ofHours(1));
    f.join("olga", acme.orgId(), "owen", Role.MEMBER);
    f.join("olga", other.orgId(), "owen", Role.MEMBER);

    List<OrgRequirement> requiredBy = f.status.status("owen").requiredBy();

    assertThat(requiredBy)
        .containsExactlyInAnyOrder(
            new OrgRequirement(
                acme.orgId(), "Acme", Role.MEMBER, f.clock.instant().plus(Duration.ofHours(48))),
            new OrgRequirement(owned.orgId(), "Owned", Role.OWNER, null));
  }

  @Test
  void aDisableRefusedByAnOrg_burnsNoBackupCode() {
    Org org = requiringOrg();
    byte[] mike = f.enrollTotp("mike");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    String backupCode = f.backupCodes.reveal("mike", proof(mike)).codes().get(0).code();

    TwoFactorException refused =
        refusal(
            () ->
                f.disable.disable(
                    "mike", new Proof(Method.BACKUP_CODE, backupCode), Optional.empty()));

    assertThat(refused.code()).isEqualTo(ErrorCode.TWO_FACTOR_REQUIRED_BY_ORG);
    assertThat(f.verification.verify("mike", "mike", Method.BACKUP_CODE, backupCode).method())
        .as("the refused disable did not use the code up")
        .isEqualTo(Method.BACKUP_CODE);
  }

  @Test
  void aDisableOfAMethodNotSetUp_burnsNoBackupCode() {
    byte[] mike = f.enrollTotp("mike");
    String backupCode = f.backupCodes.reveal("mike", proof(mike)).codes().get(1).code();

    TwoFactorException refused =
        refusal(
            () ->
                f.disable.disable(
                    "mike", new Proof(Method.BACKUP_CODE, backupCode), Optional.of(Method.SMS)));

    assertThat(refused.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(f.verification.verify("mike", "mike", Method.BACKUP_CODE, backupCode).method())
        .isEqualTo(Method.BACKUP_CODE);
  }

  private Proof proof(byte[] secret) {
    f.nextStep();
    return new Proof(Method.TOTP, f.codeNow(secret));
  }
}
