package com.twofactor.core.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.events.SecurityEvent;
import com.twofactor.core.events.SecurityEventMapper;
import com.twofactor.core.events.SecurityEventType;
import com.twofactor.core.model.Method;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.totp.Base32;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The mapping from stored changes to security events, driven by the real domain services through
 * the in-memory stores' change feed (the dev server's path; the DynamoDB stream path is tested in
 * the security-events function against items written on dynalite).
 */
@Tag("unit")
class SecurityEventsFromChangesTest {
  private static final String NEW_PHONE = "+12015550188";
  private final Fixture f = new Fixture();
  private final SecurityEventMapper mapper =
      new SecurityEventMapper(BackupCodePolicy.DEFAULT.lowWatermark());
  private final List<SecurityEvent> events = new ArrayList<>();

  @BeforeEach
  void listen() {
    f.store.onChange(change -> events.addAll(mapper.map(change, f.clock.instant())));
    f.orgStore.onChange(change -> events.addAll(mapper.map(change, f.clock.instant())));
  }

  private List<SecurityEvent> drain() {
    List<SecurityEvent> copy = List.copyOf(events);
    events.clear();
    return copy;
  }

  private List<SecurityEventType> types(List<SecurityEvent> list) {
    return list.stream().map(SecurityEvent::type).toList();
  }

  /** Enables TOTP and returns the secret and the first backup codes. */
  private record Enabled(byte[] secret, List<String> codes) {}

  private Enabled enableTotp(String user) {
    TotpSetup setup = f.enrollment.start(user, user + "@example.com");
    byte[] secret = Base32.decode(setup.secret());
    Confirmation confirmed = f.enrollment.confirm(user, f.codeNow(secret));
    f.nextStep();
    return new Enabled(secret, confirmed.newBackupCodes());
  }

  private Proof proof(byte[] secret) {
    f.nextStep();
    return new Proof(Method.TOTP, f.codeNow(secret));
  }

  @Test
  void enabling_isOneEventPerMethod_andTheFirstBackupCodesAddNone() {
    Enabled alice = enableTotp("alice");
    assertThat(drain())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(SecurityEventType.TwoFactorEnabled);
              assertThat(e.userId()).isEqualTo("alice");
              assertThat(e.detail())
                  .containsEntry("method", "totp")
                  .containsEntry("methods", List.of("totp"));
            });

    f.enrollSms("alice", proof(alice.secret()));
    assertThat(drain())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.detail())
                    .containsEntry("type", "TwoFactorEnabled")
                    .containsEntry("method", "sms")
                    .containsEntry("methods", List.of("totp", "sms"))
                    .containsKey("phoneHint"));
  }

  @Test
  void replacingThePhone_isPhoneChangedWithMaskedHintsOnly() {
    Enabled alice = enableTotp("alice");
    f.enrollSms("alice", proof(alice.secret()));
    drain();
    f.clock.advance(Duration.ofMinutes(2)); // past the SMS resend window

    f.smsEnrollment.start("alice", NEW_PHONE, Optional.of(proof(alice.secret())));
    f.smsEnrollment.confirm("alice", f.outbox.lastCodeTo(NEW_PHONE));

    List<SecurityEvent> changed = drain();
    assertThat(types(changed)).containsExactly(SecurityEventType.PhoneChanged);
    Map<String, Object> detail = changed.get(0).detail();
    assertThat((String) detail.get("phoneHint")).endsWith("88").contains("*");
    assertThat((String) detail.get("previousPhoneHint")).endsWith("23").contains("*");
    assertThat(detail.toString()).doesNotContain(NEW_PHONE, Fixture.PHONE, "5550188");
  }

  @Test
  void usingBackupCodes_reportsWhatIsLeftAndRunningLow() {
    Enabled alice = enableTotp("alice");
    drain();

    f.verification.verify("alice", "alice", Method.BACKUP_CODE, alice.codes().get(0));
    assertThat(drain())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(SecurityEventType.BackupCodeUsed);
              assertThat(e.detail())
                  .containsEntry("method", "backup_code")
                  .containsEntry("remaining", 9)
                  .containsEntry("total", 10)
                  .containsEntry("runningLow", false);
              assertThat(e.detail().toString()).doesNotContain(alice.codes().get(0));
            });
    for (int i = 1; i < 7; i++) {
      f.verification.verify("alice", "alice", Method.BACKUP_CODE, alice.codes().get(i));
    }
    SecurityEvent last = drain().get(5);
    assertThat(last.detail()).containsEntry("remaining", 3).containsEntry("runningLow", true);
  }

  @Test
  void regenerating_isBackupCodesRegenerated_andTheTotpProofAddsNothing() {
    Enabled alice = enableTotp("alice");
    drain();

    f.backupCodes.regenerate("alice", proof(alice.secret()));

    assertThat(drain())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(SecurityEventType.BackupCodesRegenerated);
              assertThat(e.detail()).containsEntry("remaining", 10).containsEntry("total", 10);
            });
  }

  @Test
  void wrongCodes_produceOnlyOneLockedOut_atTheLockingFailure() {
    Enabled alice = enableTotp("alice");
    drain();

    for (int i = 0; i < 7; i++) {
      assertThatThrownBy(
              () ->
                  f.verification.verify("alice", "alice", Method.TOTP, f.wrongCode(alice.secret())))
          .isInstanceOf(TwoFactorException.class);
    }

    List<SecurityEvent> locked = drain();
    assertThat(types(locked)).containsExactly(SecurityEventType.LockedOut);
    assertThat(locked.get(0).detail()).containsKey("lockedUntil");
  }

  @Test
  void removingOneMethod_isTwoFactorDisabledStillEnabled_notByAnAdmin() {
    Enabled alice = enableTotp("alice");
    f.enrollSms("alice", proof(alice.secret()));
    drain();

    f.disable.disable("alice", proof(alice.secret()), Optional.of(Method.SMS));

    assertThat(drain())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.detail())
                    .containsEntry("type", "TwoFactorDisabled")
                    .containsEntry("methodsRemoved", List.of("sms"))
                    .containsEntry("methodsLeft", List.of("totp"))
                    .containsEntry("enabled", true)
                    .containsEntry("byAdmin", false)
                    .doesNotContainKey("actor"));
  }

  @Test
  void adminReset_isTwoFactorDisabledByAnAdmin_andNonCompliantInEachRequiringOrg() {
    enableTotp("olga");
    Org org = f.orgs.create("olga", "Acme");
    f.orgs.setRequirement("olga", org.orgId(), true, 48);
    Enabled mike = enableTotp("mike");
    f.enrollSms("mike", proof(mike.secret()));
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    drain();

    f.adminReset.reset("internal:dev", "mike", "support:jane", "lost everything");

    List<SecurityEvent> reset = drain();
    assertThat(types(reset))
        .containsExactly(
            SecurityEventType.TwoFactorDisabled, SecurityEventType.OrgMemberNonCompliant);
    assertThat(reset.get(0).detail())
        .containsEntry("methodsRemoved", List.of("totp", "sms"))
        .containsEntry("methodsLeft", List.of())
        .containsEntry("enabled", false)
        .containsEntry("byAdmin", true)
        .containsEntry("actor", "support:jane");
    assertThat(reset.get(0).detail().toString()).doesNotContain("lost everything");
    assertThat(reset.get(1).detail())
        .containsEntry("userId", "mike")
        .containsEntry("orgId", org.orgId())
        .containsEntry("reason", "admin_reset")
        .containsEntry("graceEndsAt", f.clock.instant().plus(Duration.ofHours(48)).toString());
  }

  @Test
  void theRequirementSwitch_isOrgTwoFactorRequirementChanged_andOrgChoresAreSilent() {
    enableTotp("olga");
    Org org = f.orgs.create("olga", "Acme");
    f.join("olga", org.orgId(), "mike", Role.MEMBER);
    drain();

    f.orgs.setRequirement("olga", org.orgId(), true, 24);
    List<SecurityEvent> on = drain();
    f.orgs.setRequirement("olga", org.orgId(), false, null);
    List<SecurityEvent> off = drain();

    assertThat(on)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.type()).isEqualTo(SecurityEventType.OrgTwoFactorRequirementChanged);
              assertThat(e.userId()).isNull();
              assertThat(e.detail())
                  .containsEntry("orgId", org.orgId())
                  .containsEntry("required", true)
                  .containsEntry("previouslyRequired", false)
                  .containsEntry("gracePeriodHours", 24)
                  .containsKey("requiredSince");
            });
    assertThat(off)
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.detail())
                    .containsEntry("required", false)
                    .containsEntry("previouslyRequired", true));
  }

  @Test
  void eventIds_areStablePerStoredChange() {
    enableTotp("alice");
    SecurityEvent event = drain().get(0);

    assertThat(event.id()).isEqualTo("TwoFactorEnabled:user/alice:v2:totp");
  }
}
