package com.twofactor.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.core.totp.Base32;
import com.twofactor.testkit.TotpCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Signing in as a user would, in a real Chromium, on the pages the dev server itself serves (its
 * config.json: Cognito mode, endpoint /cognito): amazon-cognito-identity-js computes SRP for the
 * password and answers the custom challenges of the real Define/Create/Verify triggers, and the
 * signed-in pages call the API with the ID token. Each story uses a new local user.
 */
@Tag("browser")
class SignInBrowserTest extends BrowserStories {
  private static final String PASSWORD = "Correct-Horse-7-Battery";

  private String user;

  @BeforeEach
  void newUser() {
    user = "user-" + UUID.randomUUID().toString().substring(0, 8);
    browser.size(Browser.DESKTOP);
    browser.sentRequests();
    // The server's test clock stands still between moves while the browser's runs on; bring the
    // server's up to the browser's, so times the server names (resendAvailableAt) are still ahead.
    clock.set(java.time.Instant.now().plus(browser.clockOffset()));
  }

  private String page(String name) {
    return apiUri().toString().replaceAll("/$", "") + "/" + name;
  }

  /** The sign-in form of a freshly loaded page (a reload forgets any sign-in). */
  private void openSignIn() {
    browser.open(page("index.html"));
    browser.find("#signin-username");
  }

  private void typePassword(String name, String password) {
    WebElement username = browser.find("#signin-username");
    assertThat(username.getAttribute("autocomplete")).isEqualTo("username");
    WebElement field = browser.find("#signin-password");
    assertThat(field.getAttribute("autocomplete")).isEqualTo("current-password");
    assertThat(browser.find("label[for=signin-password]").getText()).isEqualTo("Password");
    username.clear();
    username.sendKeys(name);
    field.clear();
    field.sendKeys(password, Keys.ENTER);
  }

  /** "Create a local user", then straight on to the settings (no 2FA yet: no second step). */
  private void createLocalUser() {
    openSignIn();
    browser.find("#create-local-user").click();
    browser.find("#signup-username").sendKeys(user);
    WebElement password = browser.find("#signup-password");
    assertThat(password.getAttribute("autocomplete")).isEqualTo("new-password");
    password.sendKeys(PASSWORD, Keys.ENTER);
    browser.waitForText("#signed-in-as", user);
    browser.waitForText("#tfa-status", "off");
  }

  private void signOut() {
    browser.find("#signout").click();
    browser.waitForText("#signin-message", "signed out");
    assertThat(browser.find("#signin-username").isDisplayed()).isTrue();
    assertThat(browser.driver().findElement(By.id("main")).isDisplayed()).isFalse();
  }

  private void typeCode(String code) {
    WebElement field = browser.find("#signin-code");
    assertThat(field.getAttribute("autocomplete")).isEqualTo("one-time-code");
    field.clear();
    field.sendKeys(code, Keys.ENTER);
  }

  /** Sets up an authenticator app on the settings page; returns its secret and the backup codes. */
  private byte[] setUpAuthenticatorApp(List<String> backupCodes) {
    browser.find("#start-totp").click();
    String secret = browser.find("#totp-secret").getText().replace(" ", "");
    secretsSeen.add(secret);
    byte[] raw = Base32.decode(secret);
    browser.find("#totp-code").sendKeys(TotpCodes.at(raw, clock.instant()), Keys.ENTER);
    browser.waitForText("#tfa-status", "on");
    browser.waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#codes-list li"), 10));
    for (WebElement code : browser.driver().findElements(By.cssSelector("#codes-list code"))) {
      backupCodes.add(code.getText());
      secretsSeen.add(code.getText());
    }
    return raw;
  }

  /** The claims of a JWT (not checked here: the dev server checks it). */
  private static Map<String, Object> claims(String jwt) {
    String payload = jwt.split("\\.")[1];
    return new org.openqa.selenium.json.Json()
        .toType(
            new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8), Map.class);
  }

  /** Requests to the API since the last look, as they left the browser. */
  private List<Browser.SentRequest> apiCalls() {
    return browser.sentRequests().stream()
        .filter(r -> r.url().contains("/two-factor") || r.url().contains("/orgs"))
        .filter(r -> !"OPTIONS".equals(r.method()))
        .toList();
  }

  /** Requests to the Cognito endpoint since the last look. */
  private static List<Browser.SentRequest> cognitoCalls(List<Browser.SentRequest> sent) {
    return sent.stream().filter(r -> r.url().endsWith("/cognito")).toList();
  }

  @Test
  void newUser_setsUpAnAppSignsOutThenSignsInWithACodeAndWithARecoveryCode() {
    createLocalUser();
    // The settings page asked for the status with the ID token, and with nothing else.
    List<Browser.SentRequest> calls = apiCalls();
    assertThat(calls).isNotEmpty();
    String bearer = calls.get(0).header("Authorization");
    assertThat(bearer).startsWith("Bearer ");
    assertThat(calls).allSatisfy(c -> assertThat(c.header("X-Dev-User")).isNull());
    Map<String, Object> claims = claims(bearer.substring("Bearer ".length()));
    assertThat(claims).containsEntry("token_use", "id").containsKey("sub");
    secretsSeen.add(bearer.substring("Bearer ".length()));
    browser.screenshot("signin-new-user-settings");

    java.util.ArrayList<String> backupCodes = new java.util.ArrayList<>();
    byte[] secret = setUpAuthenticatorApp(backupCodes);
    // The 2FA set up on the page is that of the token's user.
    assertThat(api.get("/two-factor", (String) claims.get("sub")).json())
        .containsEntry("enabled", true);
    signOut();
    browser.screenshot("signin-signed-out");
    browser.sentRequests();

    // In the same document (no reload): password, then the authenticator app's code.
    typePassword(user, PASSWORD);
    browser.waitForText("#login-title", "Two-factor authentication");
    assertThat(browser.find("label[for=signin-code]").getText())
        .isEqualTo("Code from your authenticator app");
    browser.screenshot("signin-code-step");
    typeCode(nextTotp(secret));
    browser.waitForText("#signed-in-as", user);
    browser.waitForText("#tfa-status", "on");
    List<Browser.SentRequest> afterCode = apiCalls();
    assertThat(afterCode).isNotEmpty();
    assertThat(afterCode)
        .allSatisfy(c -> assertThat(c.header("Authorization")).startsWith("Bearer "))
        .allSatisfy(c -> assertThat(c.header("Authorization")).isNotEqualTo(bearer));
    signOut();

    // With a recovery code, by keyboard: the link, then the code.
    typePassword(user, PASSWORD);
    WebElement link = browser.find("#use-recovery");
    link.sendKeys(Keys.ENTER);
    browser.waitForText("label[for=signin-code]", "Recovery code");
    assertThat(browser.find("#signin-code-hint").getText())
        .isEqualTo("Each backup code can only be used once.");
    browser.screenshot("signin-recovery-code");
    typeCode(backupCodes.get(0));
    browser.waitForText("#codes-left", "9 of 10");
    signOut();

    // The same recovery code again: refused, next to the field, with the tries left.
    typePassword(user, PASSWORD);
    browser.find("#use-recovery").click();
    typeCode(backupCodes.get(0));
    browser.waitForText("#signin-code-error", "not valid or was already used");
    assertThat(browser.find("#signin-code-error").getText()).contains("2 tries left");
    assertThat(browser.find("#signin-code-error").getAttribute("aria-live")).isEqualTo("assertive");
    assertThat(browser.find("#signin-code").getAttribute("aria-invalid")).isEqualTo("true");
    browser.screenshot("signin-recovery-code-used");
    assertThat(browser.driver().findElement(By.id("main")).isDisplayed()).isFalse();
  }

  @Test
  void wrongPassword_failsThroughTheRealLibraryAndTheRightOneThenPasses() {
    createLocalUser();
    signOut();
    browser.sentRequests();

    typePassword(user, PASSWORD + "x");
    browser.waitForText("#signin-password-error", "Incorrect user name or password.");
    List<Browser.SentRequest> sent = browser.sentRequests();
    // The library's own SRP: InitiateAuth with SRP_A, then the PASSWORD_VERIFIER answer.
    assertThat(cognitoCalls(sent))
        .extracting(r -> r.header("X-Amz-Target"))
        .containsExactly(
            "AWSCognitoIdentityProviderService.InitiateAuth",
            "AWSCognitoIdentityProviderService.RespondToAuthChallenge");
    assertThat(sent).noneMatch(r -> r.header("Authorization") != null);
    browser.screenshot("signin-wrong-password");

    typePassword(user, PASSWORD);
    browser.waitForText("#signed-in-as", user);
    browser.waitForText("#tfa-status", "off");
  }

  @Test
  void unknownUser_seesExactlyWhatAWrongPasswordSeesAndGetsNoTokens() {
    createLocalUser();
    signOut();
    browser.sentRequests();
    typePassword(user, PASSWORD + "x");
    browser.waitForText("#signin-password-error", "Incorrect");
    String realUser = browser.find("#login").getText();

    typePassword("nobody-" + user, PASSWORD);
    browser.waitForText("#signin-password-error", "Incorrect");
    String unknownUser = browser.find("#login").getText();

    assertThat(unknownUser).isEqualTo(realUser);
    assertThat(browser.sentRequests()).noneMatch(r -> r.header("Authorization") != null);
    assertThat(browser.driver().findElement(By.id("main")).isDisplayed()).isFalse();
  }

  @Test
  void threeWrongCodes_endTheSignInAndSaySo() {
    createLocalUser();
    byte[] secret = setUpAuthenticatorApp(new java.util.ArrayList<>());
    signOut();
    typePassword(user, PASSWORD);
    String wrong = TotpCodes.wrongAt(secret, clock.instant());

    typeCode(wrong);
    browser.waitForText("#signin-code-error", "2 tries left");
    typeCode(wrong);
    browser.waitForText("#signin-code-error", "1 try left");
    browser.screenshot("signin-one-try-left");
    typeCode(wrong);

    browser.waitForText("#signin-message", "wrong three times");
    assertThat(browser.find("#signin-username").isDisplayed()).isTrue();
    browser.screenshot("signin-ended-after-three-wrong-codes");
  }

  @Test
  void lockedUser_isToldUntilWhen() {
    createLocalUser();
    String sub = (String) claims(bearerOfLastApiCall()).get("sub");
    byte[] secret = setUpAuthenticatorApp(new java.util.ArrayList<>());
    signOut();
    // Five wrong codes through the API lock verification (the same lock the triggers honour).
    String wrong = TotpCodes.wrongAt(secret, clock.instant());
    for (int i = 0; i < 5; i++) {
      api.post("/two-factor/verify", sub, "{\"method\":\"totp\",\"code\":\"" + wrong + "\"}");
    }
    String lockedUntil = (String) api.get("/two-factor", sub).json().get("lockedUntil");
    assertThat(lockedUntil).isNotNull();

    typePassword(user, PASSWORD);

    browser.waitForText("#signin-locked", "locked until");
    assertThat(browser.find("#signin-locked").getAttribute("role")).isEqualTo("alert");
    assertThat(browser.find("#signin-verify").isEnabled()).isFalse();
    browser.screenshot("signin-locked");
  }

  @Test
  void sms_aCodeTextedOnRequestSignsInAndResendWaitsItsTurn() {
    createLocalUser();
    browser.find("#sms-phone").sendKeys("+12015550177", Keys.ENTER);
    browser.find("#sms-code").sendKeys(latestSmsCode("0177"), Keys.ENTER);
    browser.waitForText("#tfa-status", "on");
    signOut();
    advance(Duration.ofSeconds(31));

    typePassword(user, PASSWORD);
    browser.waitForText("label[for=signin-code]", "Code from the text message");
    browser.find("#send-sms").click();
    browser.waitForText("#sms-status", "We sent a code to");
    assertThat(browser.find("#send-sms").isEnabled()).isFalse();
    browser.screenshot("signin-sms-sent");
    advance(Duration.ofSeconds(31));
    browser.waitFor(ExpectedConditions.elementToBeClickable(By.id("send-sms")));

    typeCode(latestSmsCode("0177"));
    browser.waitForText("#signed-in-as", user);
    browser.waitForText("#tfa-status", "on");
  }

  @Test
  void signedIn_movingToOrganizationSettingsAndBackKeepsTheSignIn() {
    createLocalUser();
    browser.find("#org-menu").click();
    browser.find("#create-org-form");
    assertThat(browser.driver().getCurrentUrl()).endsWith("/org.html");
    assertThat(browser.find("#signed-in-as").getText()).contains(user);
    browser.find("#user-menu").click();
    browser.waitForText("#tfa-status", "off");
    assertThat(apiCalls())
        .allSatisfy(c -> assertThat(c.header("Authorization")).startsWith("Bearer "));
  }

  private String bearerOfLastApiCall() {
    List<Browser.SentRequest> calls = apiCalls();
    assertThat(calls).isNotEmpty();
    return calls.get(calls.size() - 1).header("Authorization").substring("Bearer ".length());
  }
}
