package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.testing.MutableClock;
import com.twofactor.core.testing.TotpCodes;
import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The product document's story of "Require two-factor", told over HTTP against the dev server:
 * owners must all have 2FA before the switch works; members without it keep their membership, get
 * the grace period, then are denied by the access check until they enable 2FA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrgStoryTest {
  private EmbeddedServer server;
  private HttpApi api;
  private MutableClock clock;

  @BeforeAll
  void start() {
    server =
        ApplicationContext.run(
            EmbeddedServer.class,
            Map.of("micronaut.server.port", -1, "test.clock", "mutable"),
            DevServer.ENVIRONMENT);
    api = new HttpApi(server.getURI());
    clock = server.getApplicationContext().getBean(MutableClock.class);
  }

  @AfterAll
  void stop() {
    server.close();
  }

  /** Enables TOTP for {@code user}; returns the secret. */
  private byte[] enableTotp(String user) {
    String secret = (String) api.post("/two-factor/totp", user, null).json().get("secret");
    byte[] raw = Base32.decode(secret);
    Answer confirmed =
        api.post(
            "/two-factor/totp/confirm",
            user,
            "{\"code\":\"" + TotpCodes.at(raw, clock.instant()) + "\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    return raw;
  }

  /** Disable everything, with the next TOTP code as the fresh second factor. */
  private Answer disableWithTotp(String user, byte[] secret) {
    return api.post(
        "/two-factor/disable",
        user,
        "{\"verification\":{\"method\":\"totp\",\"code\":\""
            + TotpCodes.nextAfter(secret, clock.instant())
            + "\"}}");
  }

  private Answer require(String user, String orgId, boolean on) {
    return api.put(
        "/orgs/" + orgId + "/two-factor",
        user,
        "{\"required\":" + on + ",\"gracePeriodHours\":24}");
  }

  private Answer putMember(String owner, String orgId, String user, String role) {
    return api.put("/orgs/" + orgId + "/members/" + user, owner, "{\"role\":\"" + role + "\"}");
  }

  @Test
  @SuppressWarnings("unchecked")
  void requireTwoFactor_theSeedStory() {
    Answer created = api.post("/orgs", "olga", "{\"name\":\"Acme\"}");
    assertThat(created.status()).isEqualTo(201);
    String orgId = (String) created.json().get("orgId");

    // An owner without 2FA cannot switch the requirement on, and is named.
    Answer refused = require("olga", orgId, true);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.json()).containsEntry("code", "owners_without_two_factor");
    assertThat(refused.json().get("owners")).isEqualTo(List.of("olga"));

    byte[] olgaSecret = enableTotp("olga");
    assertThat(putMember("olga", orgId, "oscar", "owner").status()).isEqualTo(200);

    // A second owner without 2FA still blocks it, and is the one named.
    Answer blocked = require("olga", orgId, true);
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.json().get("owners")).isEqualTo(List.of("oscar"));

    enableTotp("oscar");
    Answer on = require("olga", orgId, true);
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.json()).containsEntry("required", true).containsEntry("gracePeriodHours", 24);

    // A member without 2FA is reported missing, is in grace, then denied.
    assertThat(putMember("olga", orgId, "mike", "member").status()).isEqualTo(200);
    Answer missing = api.get("/orgs/" + orgId + "/members?twoFactor=missing", "olga");
    assertThat(missing.status()).isEqualTo(200);
    List<Map<String, Object>> members = (List<Map<String, Object>>) missing.json().get("members");
    assertThat(members)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m).containsEntry("userId", "mike").containsEntry("twoFactor", false);
              assertThat(m.get("graceEndsAt")).isNotNull();
            });
    Answer inGrace = api.get("/orgs/" + orgId + "/members/mike/access", "mike");
    assertThat(inGrace.json()).containsEntry("allowed", true).containsKey("graceEndsAt");

    clock.advance(Duration.ofHours(25));
    Answer denied = api.get("/orgs/" + orgId + "/members/mike/access", "olga");
    assertThat(denied.json())
        .containsEntry("allowed", false)
        .containsEntry("reason", "two_factor_required");

    // The member enables 2FA and is allowed.
    byte[] mikeSecret = enableTotp("mike");
    assertThat(api.get("/orgs/" + orgId + "/members/mike/access", "mike").json())
        .containsEntry("allowed", true);

    // A member of the org cannot disable 2FA.
    Answer disable = disableWithTotp("mike", mikeSecret);
    assertThat(disable.status()).isEqualTo(409);
    assertThat(disable.json()).containsEntry("code", "two_factor_required_by_org");
    assertThat(disable.json().get("orgs")).isEqualTo(List.of(orgId));

    // An owner cannot either.
    Answer ownerDisable = disableWithTotp("olga", olgaSecret);
    assertThat(ownerDisable.status()).isEqualTo(409);
    assertThat(api.get("/two-factor", "olga").json().get("requiredBy")).isEqualTo(List.of(orgId));

    // A non-owner cannot switch.
    assertThat(require("mike", orgId, false).status()).isEqualTo(403);

    // A user without 2FA cannot become an owner of a requiring org.
    assertThat(putMember("olga", orgId, "nina", "member").status()).isEqualTo(200);
    Answer promote = putMember("olga", orgId, "nina", "owner");
    assertThat(promote.status()).isEqualTo(409);
    assertThat(promote.json().get("owners")).isEqualTo(List.of("nina"));

    // Compliance at a glance.
    Map<String, Object> summary = api.get("/orgs/" + orgId + "/two-factor", "mike").json();
    assertThat(summary.get("owners")).isEqualTo(Map.of("total", 2, "withTwoFactor", 2));
    assertThat(summary.get("members")).isEqualTo(Map.of("total", 2, "withTwoFactor", 1));

    // The last owner stays.
    assertThat(api.delete("/orgs/" + orgId + "/members/oscar", "olga").status()).isEqualTo(204);
    Answer last = api.delete("/orgs/" + orgId + "/members/olga", "olga");
    assertThat(last.status()).isEqualTo(409);
    assertThat(last.json()).containsEntry("code", "last_owner");
  }

  @Test
  @SuppressWarnings("unchecked")
  void disable_withoutOrgsRemovesEverythingAfterAFreshSecondFactor() {
    byte[] secret = enableTotp("paula");

    Answer wrong =
        api.post(
            "/two-factor/disable",
            "paula",
            "{\"verification\":{\"method\":\"totp\",\"code\":\"000000\"}}");
    Answer off = disableWithTotp("paula", secret);

    assertThat(wrong.status()).isEqualTo(400);
    assertThat(off.status()).isEqualTo(200);
    assertThat(off.json()).containsEntry("enabled", false);
    Map<String, Object> backupCodes =
        (Map<String, Object>) api.get("/two-factor", "paula").json().get("backupCodes");
    assertThat(backupCodes).containsEntry("remaining", 0).containsEntry("total", 0);
  }
}
