package com.twofactor.securityevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.FakeEventBridge;
import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.ActiveSms;
import com.twofactor.core.model.Ciphertext;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.AdminResetService;
import com.twofactor.core.service.BackupCodeService;
import com.twofactor.core.service.Confirmation;
import com.twofactor.core.service.DisableService;
import com.twofactor.core.service.OrgService;
import com.twofactor.core.service.Proof;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.TotpSetup;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The stream path end to end, short of AWS: the real services write through the real DynamoDB
 * stores to dynalite; the items as stored before and after each write become {@code DynamodbEvent}
 * records (dynalite has no streams); the Lambda handler decodes them, maps them and publishes
 * through the real EventBridge client to a {@link FakeEventBridge}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("dynalite")
class SecurityEventsOnDynaliteTest {
  private static final String BUS = "two-factor-test-security";
  private static final Set<String> SECRET_ATTRIBUTES =
      Set.of(
          "totpSecret",
          "pendingTotpSecret",
          "smsPhone",
          "pendingSmsPhone",
          "smsCodeHash",
          "smsCodeSalt",
          "backupSalt",
          "backupHashes",
          "backupSealed");

  private final FakeEventBridge eventBridge = new FakeEventBridge();
  private AwsTestContext aws;
  private StreamTap tap;
  private SecurityEventsHandler handler;
  private final List<Map<String, AttributeValue>> images = new ArrayList<>();
  private final List<String> codesSeen = new ArrayList<>();

  @BeforeAll
  void start() {
    aws =
        new AwsTestContext(
            Map.of(
                "two-factor.events.endpoint",
                eventBridge.endpoint().toString(),
                "two-factor.events.bus-name",
                BUS));
    tap = new StreamTap(aws.bean(DynamoDbClient.class), aws.tableName);
    handler = new SecurityEventsHandler(aws.context);
  }

  @AfterAll
  void stop() {
    aws.close();
    eventBridge.close();
  }

  @BeforeEach
  void clean() {
    eventBridge.reset();
    tap.drain();
  }

  private static String user(String name) {
    return name + "-" + UUID.randomUUID();
  }

  private DynamodbEvent.DynamodbStreamRecord onUser(String userId, Runnable operation) {
    DynamodbEvent.DynamodbStreamRecord record =
        tap.around(StreamTap.userKey(userId), "STATE", operation);
    if (record != null) {
      images.add(tap.item(StreamTap.userKey(userId), "STATE"));
    }
    return record;
  }

  /** Enables TOTP (two writes: start, confirm); returns the secret and the first backup codes. */
  private record Enabled(byte[] secret, List<String> codes) {}

  private Enabled enableTotp(String userId) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    TotpSetup[] setup = new TotpSetup[1];
    onUser(userId, () -> setup[0] = enrollment.start(userId, userId));
    byte[] secret = Base32.decode(setup[0].secret());
    Confirmation[] confirmed = new Confirmation[1];
    onUser(
        userId,
        () -> confirmed[0] = enrollment.confirm(userId, TotpCodes.at(secret, Instant.now())));
    codesSeen.addAll(confirmed[0].newBackupCodes());
    return new Enabled(secret, confirmed[0].newBackupCodes());
  }

  private StreamsEventResponse relay(DynamodbEvent batch) {
    return handler.handleRequest(batch, null);
  }

  private List<String> acceptedTypes() {
    return eventBridge.acceptedDetails().stream().map(d -> (String) d.get("type")).toList();
  }

  @Test
  void everyEventType_fromItemsTheStoresWrote_inWriteOrder_withNothingSecret() {
    VerificationService verification = aws.bean(VerificationService.class);
    TwoFactorStore store = aws.bean(TwoFactorStore.class);

    // alice: enable, use a backup code, regenerate (TOTP proof), get locked out.
    String alice = user("alice");
    Enabled enabled = enableTotp(alice);
    onUser(
        alice, () -> verification.verify(alice, alice, Method.BACKUP_CODE, enabled.codes().get(0)));
    onUser(
        alice,
        () ->
            codesSeen.addAll(
                aws
                    .bean(BackupCodeService.class)
                    .regenerate(
                        alice,
                        new Proof(
                            Method.TOTP,
                            TotpCodes.at(enabled.secret(), Instant.now().plusSeconds(30))))
                    .codes()
                    .stream()
                    .map(c -> c.code())
                    .toList()));
    for (int i = 0; i < 5; i++) {
      onUser(
          alice,
          () ->
              assertThatThrownBy(
                      () -> verification.verify(alice, alice, Method.BACKUP_CODE, "zzzz-zzzz"))
                  .isInstanceOf(TwoFactorException.class));
    }

    // bob: a phone, then a new phone (written straight through the store: texting waits 30 s).
    String bob = user("bob");
    onUser(
        bob,
        () ->
            store.save(
                UserTwoFactor.empty(bob).toBuilder()
                    .sms(
                        new ActiveSms(
                            Ciphertext.of(new byte[] {1, 2}), "+1 *******23", Instant.now()))
                    .build()));
    onUser(
        bob,
        () -> {
          UserTwoFactor state = store.load(bob);
          store.save(
              state.toBuilder()
                  .sms(
                      new ActiveSms(
                          Ciphertext.of(new byte[] {3, 4}), "+44 ********88", Instant.now()))
                  .build());
        });

    // carol: enable, then turn 2FA off herself.
    String carol = user("carol");
    Enabled carolTotp = enableTotp(carol);
    onUser(
        carol,
        () ->
            aws.bean(DisableService.class)
                .disable(
                    carol,
                    new Proof(
                        Method.TOTP,
                        TotpCodes.at(carolTotp.secret(), Instant.now().plusSeconds(30))),
                    Optional.empty()));

    // olga requires 2FA in her org; mike, a member, is reset by an administrator.
    String olga = user("olga");
    String mike = user("mike");
    enableTotp(olga);
    OrgService orgs = aws.bean(OrgService.class);
    Org org = orgs.create(olga, "Acme");
    tap.around(
        StreamTap.orgKey(org.orgId()),
        "META",
        () -> orgs.setRequirement(olga, org.orgId(), true, 24));
    enableTotp(mike);
    // Membership needs the member's consent: an invitation, then mike accepts it.
    orgs.putMember(olga, org.orgId(), mike, Role.MEMBER);
    orgs.acceptInvitation(mike, org.orgId());
    onUser(
        mike,
        () ->
            aws.bean(AdminResetService.class)
                .reset("internal:test", mike, "support:jane", "lost phone, ticket 4711"));

    DynamodbEvent batch = tap.drain();
    StreamsEventResponse response = relay(batch);

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(acceptedTypes())
        .containsExactly(
            "TwoFactorEnabled", // alice
            "BackupCodeUsed",
            "BackupCodesRegenerated",
            "LockedOut",
            "TwoFactorEnabled", // bob
            "PhoneChanged",
            "TwoFactorEnabled", // carol
            "TwoFactorDisabled",
            "TwoFactorEnabled", // olga
            "OrgTwoFactorRequirementChanged",
            "TwoFactorEnabled", // mike
            "TwoFactorDisabled",
            "OrgMemberNonCompliant");
    List<Map<String, Object>> details = eventBridge.acceptedDetails();
    assertThat(details.get(1))
        .containsEntry("userId", alice)
        .containsEntry("remaining", 9)
        .containsEntry("total", 10)
        .containsEntry("runningLow", false);
    assertThat(details.get(5))
        .containsEntry("userId", bob)
        .containsEntry("phoneHint", "+44 ********88")
        .containsEntry("previousPhoneHint", "+1 *******23");
    assertThat(details.get(7))
        .containsEntry("userId", carol)
        .containsEntry("methodsRemoved", List.of("totp"))
        .containsEntry("byAdmin", false);
    assertThat(details.get(9)).containsEntry("orgId", org.orgId()).containsEntry("required", true);
    assertThat(details.get(11))
        .containsEntry("userId", mike)
        .containsEntry("byAdmin", true)
        .containsEntry("actor", "support:jane");
    assertThat(details.get(12))
        .containsEntry("userId", mike)
        .containsEntry("orgId", org.orgId())
        .containsEntry("reason", "admin_reset");

    assertThat(eventBridge.accepted())
        .allSatisfy(
            entry ->
                assertThat(entry)
                    .containsEntry("EventBusName", BUS)
                    .containsEntry("Source", "com.twofactor.security")
                    .containsKey("Time"));
    assertThat(eventBridge.accepted())
        .extracting(e -> e.get("DetailType"))
        .containsExactlyElementsOf(acceptedTypes());
    assertNothingSecretIn(eventBridge.accepted());
    details.forEach(EventSchemas::assertConforms);
  }

  @Test
  void everyDetailTypeHasAPublishedSchema_andNoSchemaIsStray() throws Exception {
    List<String> files;
    try (var listing = java.nio.file.Files.list(EventSchemas.dir())) {
      files = listing.map(f -> f.getFileName().toString()).toList();
    }
    assertThat(files)
        .containsExactlyInAnyOrderElementsOf(
            java.util.Arrays.stream(com.twofactor.core.events.SecurityEventType.values())
                .map(t -> t.name() + ".schema.json")
                .toList());
  }

  /** No stored secret, hash, salt, ciphertext, code or reason appears in any published entry. */
  private void assertNothingSecretIn(List<Map<String, Object>> entries) {
    List<String> secrets = new ArrayList<>(codesSeen);
    secrets.add("lost phone, ticket 4711");
    for (Map<String, AttributeValue> image : images) {
      image.forEach(
          (name, value) -> {
            if (SECRET_ATTRIBUTES.contains(name)) {
              if (value.b() != null) {
                secrets.add(Base64.getEncoder().encodeToString(value.b().asByteArray()));
              } else if (value.s() != null) {
                secrets.add(value.s());
              } else if (value.hasL()) {
                value.l().forEach(v -> secrets.add(v.s()));
              }
            }
          });
    }
    assertThat(secrets).hasSizeGreaterThan(20);
    String published = entries.toString();
    for (String secret : secrets) {
      assertThat(published).doesNotContain(secret);
    }
  }

  @Test
  void partiallyRefusedPutEvents_sendsOnlyTheRefusedEntriesAgain() {
    String dora = user("dora");
    Enabled enabled = enableTotp(dora);
    onUser(
        dora,
        () ->
            aws.bean(VerificationService.class)
                .verify(dora, dora, Method.BACKUP_CODE, enabled.codes().get(0)));
    eventBridge.refuse("BackupCodeUsed", 1);

    StreamsEventResponse response = relay(tap.drain());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(eventBridge.requests()).hasSize(2);
    assertThat(eventBridge.requests().get(0)).hasSize(2);
    assertThat(eventBridge.requests().get(1))
        .singleElement()
        .satisfies(e -> assertThat(e).containsEntry("DetailType", "BackupCodeUsed"));
    assertThat(acceptedTypes()).containsExactlyInAnyOrder("TwoFactorEnabled", "BackupCodeUsed");
  }

  @Test
  void anEntryRefusedEveryTime_reportsItsRecordAsTheBatchFailure_afterBoundedAttempts() {
    String erin = user("erin");
    Enabled enabled = enableTotp(erin);
    DynamodbEvent.DynamodbStreamRecord used =
        onUser(
            erin,
            () ->
                aws.bean(VerificationService.class)
                    .verify(erin, erin, Method.BACKUP_CODE, enabled.codes().get(0)));
    eventBridge.refuse("BackupCodeUsed", -1);

    StreamsEventResponse response = relay(tap.drain());

    assertThat(response.getBatchItemFailures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.getItemIdentifier())
                    .isEqualTo(used.getDynamodb().getSequenceNumber()));
    assertThat(eventBridge.requests()).hasSize(3); // the configured attempts, no more
    assertThat(acceptedTypes()).containsExactly("TwoFactorEnabled");
  }

  @Test
  void aRecordThatCannotBeDecoded_isTheFailure_andNothingAfterItIsPublished() {
    String fay = user("fay");
    enableTotp(fay);
    DynamodbEvent.DynamodbStreamRecord good = tap.drain().getRecords().get(1);
    Map<String, AttributeValue> broken =
        new java.util.HashMap<>(tap.item(StreamTap.userKey(fay), "STATE"));
    broken.put("totpConfirmedAt", AttributeValue.fromS("not a time"));
    DynamodbEvent.DynamodbStreamRecord poison = tap.record(Map.of(), broken);
    String gus = user("gus");
    enableTotp(gus);
    DynamodbEvent.DynamodbStreamRecord after = tap.drain().getRecords().get(1);

    StreamsEventResponse response = relay(StreamTap.batch(List.of(good, poison, after)));

    assertThat(response.getBatchItemFailures())
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.getItemIdentifier())
                    .isEqualTo(poison.getDynamodb().getSequenceNumber()));
    assertThat(eventBridge.acceptedDetails())
        .singleElement()
        .satisfies(d -> assertThat(d).containsEntry("userId", fay));
  }

  @Test
  void itemsThatAreNotSecurityRelevant_publishNothing() {
    String olga = user("olga");
    String mike = user("mike");
    OrgService orgs = aws.bean(OrgService.class);
    Org org = orgs.create(olga, "Acme");
    tap.around(
        StreamTap.orgKey(org.orgId()),
        "INVITE#" + mike,
        () -> orgs.putMember(olga, org.orgId(), mike, Role.MEMBER));
    tap.around(
        StreamTap.orgKey(org.orgId()),
        "MEMBER#" + mike,
        () -> orgs.acceptInvitation(mike, org.orgId()));
    onUser(mike, () -> aws.bean(TotpEnrollmentService.class).start(mike, mike));

    StreamsEventResponse response = relay(tap.drain());

    assertThat(response.getBatchItemFailures()).isEmpty();
    assertThat(eventBridge.requests()).isEmpty();
  }
}
