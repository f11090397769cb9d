package com.twofactor.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * User Settings → "Two-factor authentication" in a real Chromium, on a page of another origin than
 * the API: set-up with the QR code, backup codes, SMS with the resend wait.
 */
@Tag("browser")
class UserSettingsBrowserTest extends BrowserStories {

  @Test
  void authenticatorApp_isSetUpByScanningTheQrCodeThenListed() {
    browser.size(Browser.DESKTOP);
    openSettings("ada");
    browser.waitForText("#tfa-status", "off");
    browser.screenshot("settings-2fa-off");

    browser.find("#start-totp").click();
    WebElement qr = browser.find("#totp-qr");
    String uri = browser.readQrCode(qr);
    assertThat(uri).startsWith("otpauth://totp/");
    String secret = URI.create(uri).getRawQuery().replaceAll(".*(?:^|&)secret=([A-Z2-7]+).*", "$1");
    secretsSeen.add(secret);
    assertThat(browser.find("#totp-secret").getText().replace(" ", "")).isEqualTo(secret);
    byte[] raw = Base32.decode(secret);
    browser.screenshot("settings-totp-setup");

    WebElement code = browser.find("#totp-code");
    assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
    assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
    assertThat(browser.find("label[for=totp-code]").getText()).isNotBlank();
    code.sendKeys(TotpCodes.wrongAt(raw, clock.instant()), Keys.ENTER);
    browser.waitForText("#totp-code-error", "not valid");
    assertThat(browser.find("#totp-code-error").getAttribute("aria-live")).isEqualTo("assertive");
    assertThat(code.getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("settings-totp-wrong-code");

    code.clear();
    code.sendKeys(TotpCodes.at(raw, clock.instant()), Keys.ENTER);
    browser.waitForText("#methods", "Authenticator app");
    browser.waitForText("#tfa-status", "on");
    List<WebElement> codes = browser.driver().findElements(By.cssSelector("#codes-list code"));
    assertThat(codes).hasSize(10);
    codes.forEach(c -> secretsSeen.add(c.getText()));
    browser.screenshot("settings-totp-enabled");

    browser.size(Browser.PHONE);
    assertNoHorizontalScroll();
    browser.screenshot("settings-totp-enabled-360px");
    browser.size(Browser.DESKTOP);
  }

  @Test
  void backupCodes_revealRegenerateAndUseOneOfTheNewOnes() {
    browser.size(Browser.DESKTOP);
    byte[] secret = enableTotpByApi("grace");
    openSettings("grace");
    browser.waitForText("#codes-left", "10 of 10");

    // By keyboard alone: the link, the dialog's code field (focused when it opens), Enter.
    browser.find("#reveal-codes").sendKeys(Keys.ENTER);
    assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
        .isEqualTo("proof-code");
    proveWith(nextTotp(secret));
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#codes-list li"), 10));
    List<String> old = codes();
    browser.screenshot("settings-reveal-codes");

    browser.find("#regenerate-codes").click();
    proveWith(nextTotp(secret));
    browser.waitForText("#codes-title", "new backup codes");
    List<String> fresh = codes();
    assertThat(fresh).hasSize(10).doesNotContainAnyElementsOf(old);

    // An old code no longer works; the error stays next to the field in the dialog.
    browser.find("#reveal-codes").click();
    browser.find("dialog[open] .recovery-link").click();
    assertThat(browser.find("#proof-code").getAttribute("autocomplete")).isEqualTo("one-time-code");
    proveWith(old.get(0));
    browser.waitForText("#proof-code-error", "not valid");
    browser.screenshot("settings-old-code-refused");

    proveWith(fresh.get(0));
    browser.waitFor(
        ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
    browser.waitForText("#codes-left", "9 of 10");
    WebElement used = browser.find("#codes-list li.used");
    assertThat(used.getText()).contains(fresh.get(0)).contains("(used)");
    browser.screenshot("settings-code-used");
  }

  @Test
  void sms_isSetUpWithTheTextedCodeAndResendWaits() {
    browser.size(Browser.DESKTOP);
    openSettings("hedy");
    browser.find("#sms-phone").sendKeys("+12015550123");
    browser.find("#send-sms").click();
    browser.waitForText("#sms-sent", "We sent a code to");
    WebElement resend = browser.find("#resend-sms");
    assertThat(resend.isEnabled()).as("Resend waits").isFalse();
    assertThat(browser.find("#resend-note").getText()).contains("You can ask for a new code at");
    String first = latestSmsCode("0123");
    browser.screenshot("settings-sms-code-sent");

    advance(Duration.ofSeconds(31));
    browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("resend-sms")));
    int sent = api.get("/dev/sms-outbox", null).jsonList().size();
    resend.click();
    browser.waitFor(d -> api.get("/dev/sms-outbox", null).jsonList().size() == sent + 1);
    browser.waitFor(
        ExpectedConditions.not(ExpectedConditions.elementToBeClickable(By.id("resend-sms"))));
    String second = latestSmsCode("0123");

    WebElement code = browser.find("#sms-code");
    assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
    assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
    code.sendKeys(second, Keys.ENTER);
    browser.waitForText("#methods", "Text message to");
    assertThat(first).isNotBlank();
    browser.screenshot("settings-sms-enabled");
  }

  @Test
  void bothMethods_aPhoneIsAddedWithAProofThenTheAppIsRemoved() {
    browser.size(Browser.DESKTOP);
    byte[] secret = enableTotpByApi("ken");
    openSettings("ken");
    browser.waitForText("#sms-title", "Add an SMS-enabled phone");
    browser.find("#sms-phone").sendKeys("+12015550124");
    browser.find("#send-sms").click();
    // A factor is active, so adding one asks for a code first (sent as `verification`).
    proveWith(nextTotp(secret));
    browser.waitForText("#sms-sent", "We sent a code to");
    browser.find("#sms-code").sendKeys(latestSmsCode("0124"), Keys.ENTER);
    browser.waitForText("#methods", "Text message to");
    assertThat(browser.find("#methods").getText()).contains("Authenticator app");
    browser.screenshot("settings-both-methods");

    browser.find("#methods li[data-method=totp] button").click();
    proveWith(nextTotp(secret));
    browser.waitForText("#page-message", "Authenticator app was removed");
    assertThat(browser.find("#methods").getText())
        .contains("Text message to")
        .doesNotContain("Authenticator app");
    assertThat(browser.find("#tfa-status").getText()).contains("on");
  }

  @Test
  void lockout_isShownWithTheTimeItEnds() {
    browser.size(Browser.DESKTOP);
    byte[] secret = enableTotpByApi("linus");
    openSettings("linus");
    browser.find("#reveal-codes").click();
    String wrong = TotpCodes.wrongAt(secret, clock.instant());
    for (int attempt = 1; attempt <= 5; attempt++) {
      proveWith(wrong); // clears the error and disables the button until the answer is in
      browser.waitFor(
          d ->
              !d.findElement(By.id("proof-code-error")).getText().isEmpty()
                  && d.findElement(By.cssSelector("dialog[open] button[type=submit]")).isEnabled());
      assertThat(browser.find("#proof-code-error").getText())
          .contains(attempt < 5 ? "not valid" : "locked until");
    }
    browser.screenshot("settings-locked-out");
    browser.find("dialog[open] button[value=cancel]").click();

    openSettings("linus");
    browser.waitForText("#lockout", "locked until");
  }

  private List<String> codes() {
    List<String> codes =
        browser.driver().findElements(By.cssSelector("#codes-list code")).stream()
            .map(WebElement::getText)
            .toList();
    secretsSeen.addAll(codes);
    return codes;
  }
}
