package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Account recovery and security events, told over HTTP against the dev server: a user enables 2FA,
 * signs in with a recovery code, makes new codes, gets locked out by wrong codes and is helped back
 * by an administrator's reset; {@code GET /dev/events} shows exactly those events, in order, with
 * nothing secret in them. The admin reset refuses an owner of a requiring org.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class SecurityEventsStoryTest {
  private static final String REASON = "Lost phone and codes; identity checked, ticket 4711";

  @AutoClose private final EmbeddedServer server = DevServers.start();
  private final HttpApi api = new HttpApi(server.getURI());
  private final MutableClock clock = DevServers.clock(server);

  private static String json(String actor, String reason) {
    return "{\"actor\":\"" + actor + "\",\"reason\":\"" + reason + "\"}";
  }

  private Answer reset(String user, String body) {
    return api.post("/internal/users/" + user + "/two-factor/reset", null, body);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> eventsOf(String user) {
    Answer listed = api.get("/dev/events", null);
    assertThat(listed.status()).isEqualTo(200);
    return listed.jsonList().stream()
        .filter(e -> user.equals(((Map<String, Object>) e.get("detail")).get("userId")))
        .toList();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> detail(Map<String, Object> event) {
    return (Map<String, Object>) event.get("detail");
  }

  /** Enables TOTP; returns the raw secret and, after it, the first backup codes. */
  @SuppressWarnings("unchecked")
  private List<Object> enableTotp(String user, List<String> secretsSeen) {
    String secret = (String) api.post("/two-factor/totp", user, null).json().get("secret");
    byte[] raw = Base32.decode(secret);
    String code = TotpCodes.at(raw, clock.instant());
    Answer confirmed = api.post("/two-factor/totp/confirm", user, "{\"code\":\"" + code + "\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    List<String> codes =
        (List<String>) ((Map<String, Object>) confirmed.json().get("backupCodes")).get("codes");
    secretsSeen.add(secret);
    secretsSeen.add(code);
    secretsSeen.addAll(codes);
    return List.of(raw, codes);
  }

  @Test
  @SuppressWarnings("unchecked")
  void enableUseRegenerateLockoutAndAdminReset_areExactlyTheseEventsInOrder_withNothingSecret() {
    String user = "sam";
    List<String> secrets = new ArrayList<>();
    List<Object> enabled = enableTotp(user, secrets);
    byte[] secret = (byte[]) enabled.get(0);
    List<String> firstCodes = (List<String>) enabled.get(1);

    Answer consumed =
        api.post(
            "/two-factor/backup-codes/consume", user, "{\"code\":\"" + firstCodes.get(0) + "\"}");
    assertThat(consumed.status()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(30));
    String proof = TotpCodes.at(secret, clock.instant());
    secrets.add(proof);
    Answer regenerated =
        api.post(
            "/two-factor/backup-codes/regenerate",
            user,
            "{\"verification\":{\"method\":\"totp\",\"code\":\"" + proof + "\"}}");
    assertThat(regenerated.status()).isEqualTo(200);
    ((List<Map<String, Object>>) regenerated.json().get("codes"))
        .forEach(c -> secrets.add((String) c.get("code")));

    for (int i = 0; i < 5; i++) {
      String wrong = TotpCodes.wrongAt(secret, clock.instant());
      api.post("/two-factor/verify", user, "{\"method\":\"totp\",\"code\":\"" + wrong + "\"}");
    }
    assertThat(api.get("/two-factor", user).json().get("lockedUntil")).isNotNull();

    Answer reset = reset(user, json("support:jane", REASON));
    assertThat(reset.status()).isEqualTo(200);
    assertThat(reset.json()).containsEntry("enabled", false).containsEntry("lockedUntil", null);
    secrets.add(REASON);

    List<Map<String, Object>> events = eventsOf(user);
    assertThat(events)
        .extracting(e -> e.get("detail-type"))
        .containsExactly(
            "TwoFactorEnabled",
            "BackupCodeUsed",
            "BackupCodesRegenerated",
            "LockedOut",
            "TwoFactorDisabled");
    assertThat(detail(events.get(0))).containsEntry("method", "totp");
    assertThat(detail(events.get(1)))
        .containsEntry("remaining", 9)
        .containsEntry("total", 10)
        .containsEntry("runningLow", false);
    assertThat(detail(events.get(2))).containsEntry("remaining", 10);
    assertThat(detail(events.get(3))).containsKey("lockedUntil");
    assertThat(detail(events.get(4)))
        .containsEntry("methodsRemoved", List.of("totp"))
        .containsEntry("enabled", false)
        .containsEntry("byAdmin", true)
        .containsEntry("actor", "support:jane");
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e).containsEntry("source", "com.twofactor.security");
              assertThat(detail(e)).containsEntry("type", e.get("detail-type")).containsKey("time");
            });
    String body = api.get("/dev/events", null).body();
    assertThat(secrets).hasSizeGreaterThan(20);
    for (String s : secrets) {
      assertThat(body).doesNotContain(s);
    }
  }

  @Test
  void adminReset_refusesAnOwnerOfARequiringOrg_andGivesAMemberTheGracePeriodFromTheResetOn() {
    enableTotp("rita", new ArrayList<>());
    String orgId = (String) api.post("/orgs", "rita", "{\"name\":\"Acme\"}").json().get("orgId");
    assertThat(
            api.put(
                    "/orgs/" + orgId + "/two-factor",
                    "rita",
                    "{\"required\":true,\"gracePeriodHours\":24}")
                .status())
        .isEqualTo(200);
    enableTotp("max", new ArrayList<>());
    // Membership needs consent: the owner's PUT invites, the member accepts.
    assertThat(api.put("/orgs/" + orgId + "/members/max", "rita", "{\"role\":\"member\"}").status())
        .isEqualTo(202);
    assertThat(api.post("/orgs/" + orgId + "/invitations/accept", "max", null).status())
        .isEqualTo(200);
    clock.advance(Duration.ofDays(3));

    Answer owner = reset("rita", json("support:jane", "locked out"));
    assertThat(owner.status()).isEqualTo(409);
    assertThat(owner.contentType()).startsWith("application/problem+json");
    assertThat(owner.json())
        .containsEntry("code", "two_factor_required_by_org")
        .containsEntry("orgs", List.of(orgId));
    assertThat(api.get("/two-factor", "rita").json()).containsEntry("enabled", true);

    Answer member = reset("max", json("support:jane", "lost phone"));
    assertThat(member.status()).isEqualTo(200);
    Answer access = api.get("/orgs/" + orgId + "/members/max/access", "max");
    assertThat(access.json())
        .containsEntry("allowed", true)
        .containsEntry("graceEndsAt", clock.instant().plus(Duration.ofHours(24)).toString());
    assertThat(eventsOf("max"))
        .extracting(e -> e.get("detail-type"))
        .endsWith("TwoFactorDisabled", "OrgMemberNonCompliant");

    clock.advance(Duration.ofHours(25));
    assertThat(api.get("/orgs/" + orgId + "/members/max/access", "max").json())
        .containsEntry("allowed", false)
        .containsEntry("reason", "two_factor_required");
  }

  @Test
  @SuppressWarnings("unchecked")
  void adminReset_validatesActorAndReason_andAnswers404ForAnUnknownUser() {
    Answer missing = reset("nobody", "{\"actor\":\"support:jane\"}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json()).containsEntry("code", "invalid_request");
    assertThat((List<Map<String, Object>>) missing.json().get("errors"))
        .anySatisfy(e -> assertThat((String) e.get("field")).endsWith("reason"));

    Answer tooLong = reset("nobody", json("a".repeat(129), "ok"));
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat((List<Map<String, Object>>) tooLong.json().get("errors"))
        .anySatisfy(e -> assertThat((String) e.get("field")).endsWith("actor"));

    Answer unknown = reset("nobody", json("support:jane", "lost phone"));
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json()).containsEntry("code", "not_found");
  }
}
