package com.twofactor.devserver;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.devserver.HttpApi.Answer;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The product document's story of "Require two-factor", told over HTTP against the dev server:
 * owners must all have 2FA before the switch works; members without it keep their membership, get
 * the grace period, then are denied by the access check until they enable 2FA.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("unit")
class OrgStoryTest {
  @AutoClose private final EmbeddedServer server = DevServers.start();
  private final HttpApi api = new HttpApi(server.getURI());
  private final MutableClock clock = DevServers.clock(server);

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

  /** The owner invites; the invitee sees the invitation and accepts it. */
  @SuppressWarnings("unchecked")
  private void join(String owner, String orgId, String user, String role) {
    Answer invited = putMember(owner, orgId, user, role);
    assertThat(invited.status()).isEqualTo(202);
    assertThat(invited.json())
        .containsEntry("orgId", orgId)
        .containsEntry("userId", user)
        .containsEntry("role", role)
        .containsEntry("status", "invited");
    List<Map<String, Object>> open =
        (List<Map<String, Object>>) api.get("/orgs/invitations", user).json().get("invitations");
    assertThat(open).anySatisfy(i -> assertThat(i).containsEntry("orgId", orgId));
    Answer accepted = api.post("/orgs/" + orgId + "/invitations/accept", user, null);
    assertThat(accepted.status()).isEqualTo(200);
    assertThat(accepted.json()).containsEntry("role", role);
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
    join("olga", orgId, "oscar", "owner");

    // A second owner without 2FA still blocks it, and is the one named.
    Answer blocked = require("olga", orgId, true);
    assertThat(blocked.status()).isEqualTo(409);
    assertThat(blocked.json().get("owners")).isEqualTo(List.of("oscar"));

    enableTotp("oscar");
    Answer on = require("olga", orgId, true);
    assertThat(on.status()).isEqualTo(200);
    assertThat(on.json()).containsEntry("required", true).containsEntry("gracePeriodHours", 24);

    // A member without 2FA is reported missing, is in grace, then denied.
    join("olga", orgId, "mike", "member");
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
    Map<String, Object> asOwner = new java.util.HashMap<>();
    asOwner.put("orgId", orgId);
    asOwner.put("name", "Acme");
    asOwner.put("role", "owner");
    asOwner.put("graceEndsAt", null);
    assertThat(api.get("/two-factor", "olga").json().get("requiredBy")).isEqualTo(List.of(asOwner));
    // Members see the requirement too, with the end of their grace.
    assertThat((List<Map<String, Object>>) api.get("/two-factor", "mike").json().get("requiredBy"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r).containsEntry("orgId", orgId).containsEntry("role", "member");
              assertThat(r.get("graceEndsAt")).isNotNull();
            });

    // A non-owner cannot switch.
    assertThat(require("mike", orgId, false).status()).isEqualTo(403);

    // A user without 2FA cannot become an owner of a requiring org.
    join("olga", orgId, "nina", "member");
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

  /**
   * Issue 9's repro: a hostile owner puts a victim into a requiring org as owner to block their
   * "Disable 2FA". The PUT only invites; the victim can still disable, decline, and leave orgs.
   */
  @Test
  @SuppressWarnings("unchecked")
  void aHostileOwnerCannotBindAVictim_whoMayDeclineOrLeave() {
    enableTotp("hostile");
    String orgId = (String) api.post("/orgs", "hostile", "{\"name\":\"Trap\"}").json().get("orgId");
    assertThat(require("hostile", orgId, true).status()).isEqualTo(200);
    byte[] victim = enableTotp("victim");

    assertThat(putMember("hostile", orgId, "victim", "owner").status()).isEqualTo(202);
    assertThat(api.get("/two-factor", "victim").json().get("requiredBy")).isEqualTo(List.of());
    assertThat(api.get("/orgs/" + orgId + "/two-factor", "hostile").json().get("owners"))
        .isEqualTo(Map.of("total", 1, "withTwoFactor", 1));
    assertThat(api.delete("/orgs/" + orgId + "/invitations", "victim").status()).isEqualTo(204);
    assertThat((List<Object>) api.get("/orgs/invitations", "victim").json().get("invitations"))
        .isEmpty();
    assertThat(disableWithTotp("victim", victim).status()).isEqualTo(200);

    // Without 2FA, accepting ownership of a requiring org is refused.
    assertThat(putMember("hostile", orgId, "victim", "owner").status()).isEqualTo(202);
    Answer accept = api.post("/orgs/" + orgId + "/invitations/accept", "victim", null);
    assertThat(accept.status()).isEqualTo(409);
    assertThat(accept.json()).containsEntry("code", "owners_without_two_factor");

    // A member who joined may leave; the last owner may not.
    putMember("hostile", orgId, "victim", "member");
    assertThat(api.post("/orgs/" + orgId + "/invitations/accept", "victim", null).status())
        .isEqualTo(200);
    assertThat(api.delete("/orgs/" + orgId + "/members/victim", "victim").status()).isEqualTo(204);
    Answer lastOwner = api.delete("/orgs/" + orgId + "/members/hostile", "hostile");
    assertThat(lastOwner.status()).isEqualTo(409);
    assertThat(lastOwner.json()).containsEntry("code", "last_owner");
  }

  /** A host back end that keeps its own invitations adds and removes members directly. */
  @Test
  void internalRoutesAddAndRemoveMembersDirectly() {
    String orgId =
        (String) api.post("/orgs", "host-owner", "{\"name\":\"Hosted\"}").json().get("orgId");

    Answer added =
        api.put("/internal/orgs/" + orgId + "/members/hosted-user", null, "{\"role\":\"member\"}");
    assertThat(added.status()).isEqualTo(200);
    assertThat(added.json()).containsEntry("userId", "hosted-user").containsEntry("role", "member");
    assertThat(api.get("/orgs/" + orgId + "/two-factor", "hosted-user").status()).isEqualTo(200);
    assertThat(api.delete("/internal/orgs/" + orgId + "/members/hosted-user", null).status())
        .isEqualTo(204);
    assertThat(api.get("/orgs/" + orgId + "/two-factor", "hosted-user").status()).isEqualTo(404);
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
