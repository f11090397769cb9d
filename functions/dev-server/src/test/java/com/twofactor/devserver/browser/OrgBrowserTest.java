package com.twofactor.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.twofactor.devserver.HttpApi.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Organization Settings → "Authentication" and its effect on members, in a real Chromium: the
 * "Require two-factor" switch held back by an owner without 2FA, invitations, "Leave organization",
 * the member banner, and "Disable 2FA" refused while an org requires it. The organizations
 * themselves are set up through the API; what a user does, they do on the page.
 */
@Tag("browser")
class OrgBrowserTest extends BrowserStories {

  @BeforeEach
  void membershipIsByInvitation() {
    int status = api.get("/orgs/invitations", "probe").status();
    if (status != 200) {
      System.err.println(
          "\n*** OrgBrowserTest SKIPPED: this server has no invitations (GET /orgs/invitations "
              + status
              + "); the org stories need the issue-9 contract ***\n");
    }
    assumeTrue(status == 200, "OrgBrowserTest SKIPPED: no invitations on this server");
  }

  private String createOrg(String owner, String name) {
    Answer created = api.post("/orgs", owner, "{\"name\":\"" + name + "\"}");
    assertThat(created.status()).isEqualTo(201);
    return (String) created.json().get("orgId");
  }

  private void invite(String owner, String orgId, String user, String role) {
    Answer invited =
        api.put("/orgs/" + orgId + "/members/" + user, owner, "{\"role\":\"" + role + "\"}");
    assertThat(invited.status()).isEqualTo(202);
  }

  private void require(String owner, String orgId, int graceHours) {
    Answer switched =
        api.put(
            "/orgs/" + orgId + "/two-factor",
            owner,
            "{\"required\":true,\"gracePeriodHours\":" + graceHours + "}");
    assertThat(switched.status()).isEqualTo(200);
  }

  private void disableByApi(String user, byte[] secret) {
    Answer disabled =
        api.post(
            "/two-factor/disable",
            user,
            "{\"verification\":{\"method\":\"totp\",\"code\":\"" + nextTotp(secret) + "\"}}");
    assertThat(disabled.status()).isEqualTo(200);
  }

  private void openOrg(String user, String orgId) {
    openAs("org.html?org=" + orgId, user, "#requirement");
  }

  @Test
  void disable2fa_isRefusedWhileAnOrgRequiresItThenAcceptedAfterLeavingIt() {
    browser.size(Browser.DESKTOP);
    enableTotpByApi("olga");
    String orgId = createOrg("olga", "Acme Rockets");
    require("olga", orgId, 24);
    byte[] secret = enableTotpByApi("mia");
    invite("olga", orgId, "mia", "member");

    openAs("org.html", "mia", "#invitation-list");
    browser.waitForText("#invitation-list", "Acme Rockets");
    browser.screenshot("org-invitation");
    browser.find("#invitation-list button").click(); // Accept
    browser.find("#requirement");
    browser.waitForText("#page-message", "You joined Acme Rockets");

    openSettings("mia");
    browser.waitForText("#required-by", "Acme Rockets");
    browser.find("#disable-2fa").click();
    proveWith(nextTotp(secret));
    browser.waitForText("#proof-code-error", "Acme Rockets");
    browser.screenshot("settings-disable-refused");
    browser.find("dialog[open] button[value=cancel]").click();

    openOrg("mia", orgId);
    browser.find("#leave-org").click();
    browser.waitForText("#page-message", "You left");

    openSettings("mia");
    browser.find("#disable-2fa").click();
    proveWith(nextTotp(secret));
    browser.waitForText("#tfa-status", "off");
  }

  @Test
  void requireTwoFactor_waitsForEveryOwnerAndNamesThoseWithout_thenMembersSeeTheDeadline() {
    browser.size(Browser.DESKTOP);
    enableTotpByApi("otto");
    String orgId = createOrg("otto", "Globex");
    invite("otto", orgId, "oscar", "owner");
    assertThat(api.post("/orgs/" + orgId + "/invitations/accept", "oscar", null).status())
        .isEqualTo(200);
    invite("otto", orgId, "max", "member");
    assertThat(api.post("/orgs/" + orgId + "/invitations/accept", "max", null).status())
        .isEqualTo(200);

    // While an owner lacks 2FA the button is disabled and the page names them.
    openOrg("otto", orgId);
    WebElement button = browser.find("#require-2fa");
    assertThat(button.getText()).isEqualTo("Require two-factor");
    assertThat(button.isEnabled()).isFalse();
    browser.waitForText("#owners-missing", "oscar");
    browser.screenshot("org-require-blocked");

    // Oscar turns 2FA on, so the page offers the switch; he turns it off again before it is
    // pressed: the service refuses and the page names him.
    byte[] oscar = enableTotpByApi("oscar");
    openOrg("otto", orgId);
    browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("require-2fa")));
    disableByApi("oscar", oscar);
    WebElement grace = browser.find("#grace-hours");
    grace.clear();
    grace.sendKeys("48");
    browser.find("#require-2fa").click();
    browser.waitForText("#require-error", "oscar");
    browser.screenshot("org-require-refused");

    enableTotpByApi("oscar");
    openOrg("otto", orgId);
    grace = browser.find("#grace-hours");
    grace.clear();
    grace.sendKeys("48");
    browser.find("#require-2fa").click();
    browser.waitForText("#requirement", "Required");
    browser.waitForText("#members-missing", "max");
    browser.screenshot("org-required");
    browser.size(Browser.PHONE);
    assertNoHorizontalScroll();
    browser.screenshot("org-required-360px");
    browser.size(Browser.DESKTOP);

    // Max, a member without 2FA, is told by when.
    openSettings("max");
    browser.waitForText("#org-banner", "Globex requires two-factor authentication");
    assertThat(browser.find("#org-banner").getText()).contains("before");
    browser.screenshot("settings-member-banner");
    browser.size(Browser.PHONE);
    assertNoHorizontalScroll();
    browser.screenshot("settings-member-banner-360px");
    browser.size(Browser.DESKTOP);
  }
}
