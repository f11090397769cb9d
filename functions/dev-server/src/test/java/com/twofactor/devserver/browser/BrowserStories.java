package com.twofactor.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.devserver.DevServers;
import com.twofactor.devserver.HttpApi;
import com.twofactor.testkit.MutableClock;
import com.twofactor.testkit.TotpCodes;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;

/**
 * What every browser story shares: the dev server in-process on a free port (with a clock the test
 * moves), web/ on another port as a static site whose config.json points at it (so every call is
 * cross-origin, allowed by TWO_FACTOR_ALLOWED_ORIGINS), and one Chromium for the class. After each
 * story: no errors in the console and nothing secret in localStorage or sessionStorage.
 */
@BrowserAvailable
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserStories {
  private static final Pattern SIX_DIGITS = Pattern.compile("\\b(\\d{6})\\b");

  protected EmbeddedServer server;
  protected StaticSite site;
  protected Browser browser;
  protected HttpApi api;
  protected MutableClock clock;

  /** Secrets a story has seen (codes, keys); none may be in the browser's storage. */
  protected final java.util.Set<String> secretsSeen = new java.util.HashSet<>();

  @BeforeAll
  void start() throws IOException {
    Path root = DevServers.projectRoot();
    site =
        new StaticSite(
            root.resolve("web"),
            () ->
                "{\"apiBaseUrl\":\""
                    + server.getURI().toString().replaceAll("/$", "")
                    + "\",\"auth\":{\"mode\":\"dev\"}}");
    server = DevServers.start(Map.of("two-factor.allowed-origins", site.origin()));
    assertThat(site.origin()).isNotEqualTo(server.getURI().toString());
    api = new HttpApi(server.getURI());
    clock = DevServers.clock(server);
    browser = new Browser(root.resolve("functions/dev-server/target/screens"));
  }

  @AfterAll
  void stop() throws IOException {
    if (browser != null) browser.close();
    if (server != null) server.close();
    if (site != null) site.close();
  }

  /** A failed story leaves a screenshot of where it stopped, named after it. */
  @org.junit.jupiter.api.extension.RegisterExtension
  final org.junit.jupiter.api.extension.TestWatcher failureScreens =
      new org.junit.jupiter.api.extension.TestWatcher() {
        @Override
        public void testFailed(
            org.junit.jupiter.api.extension.ExtensionContext context, Throwable cause) {
          if (browser != null) {
            browser.screenshot("FAILED-" + context.getRequiredTestMethod().getName());
          }
        }
      };

  @AfterEach
  void pageStayedClean() {
    browser.assertNoConsoleErrors();
    Map<String, String> storage = browser.storage();
    assertThat(storage.keySet())
        .as("only the dev user name is kept in storage")
        .allMatch(key -> key.equals("session:twofactor.devUserName"));
    for (String secret : secretsSeen) {
      assertThat(String.join("\n", storage.values())).doesNotContain(secret);
    }
  }

  /**
   * Opens a page of the static site, signs in with the dev stand-in and waits for {@code ready}.
   */
  protected void openAs(String page, String user, String ready) {
    browser.open(site.page(page).toString());
    WebElement name = browser.find("#dev-user");
    if (!user.equals(name.getAttribute("value"))) {
      name.clear();
      name.sendKeys(user);
      browser.find("#dev-signin-submit").click();
    }
    browser.find("body[data-rendered-for='" + user + "']");
    browser.find(ready);
  }

  /** The user settings page, signed in as {@code user}. */
  protected void openSettings(String user) {
    openAs("index.html", user, "#tfa-status");
  }

  /** Fixture through the API, not the page: {@code user} gets TOTP; returns the secret. */
  protected byte[] enableTotpByApi(String user) {
    String secret = (String) api.post("/two-factor/totp", user, null).json().get("secret");
    byte[] raw = com.twofactor.core.totp.Base32.decode(secret);
    secretsSeen.add(secret);
    HttpApi.Answer confirmed =
        api.post(
            "/two-factor/totp/confirm",
            user,
            "{\"code\":\"" + TotpCodes.at(raw, clock.instant()) + "\"}");
    assertThat(confirmed.status()).isEqualTo(200);
    return raw;
  }

  /** Types {@code code} into the open proof dialog and submits it with the keyboard. */
  protected void proveWith(String code) {
    WebElement field = browser.find("dialog[open] #proof-code");
    field.clear();
    field.sendKeys(code, org.openqa.selenium.Keys.ENTER);
  }

  /** The page is no wider than the window: nothing to scroll sideways (checked at 360 px). */
  protected void assertNoHorizontalScroll() {
    Number scrollWidth =
        (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
    Number clientWidth =
        (Number) browser.driver().executeScript("return document.documentElement.clientWidth");
    assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(clientWidth.intValue());
  }

  /** Moves the server's clock and the pages' clock together. */
  protected void advance(Duration by) {
    clock.advance(by);
    browser.advanceClock(by);
  }

  /** A TOTP code of a new time step (each step is accepted once): moves both clocks 30 s on. */
  protected String nextTotp(byte[] secret) {
    advance(Duration.ofSeconds(30));
    String code = TotpCodes.at(secret, clock.instant());
    secretsSeen.add(code);
    return code;
  }

  /** The code of the newest text message to a number ending in {@code lastDigits}. */
  protected String latestSmsCode(String lastDigits) {
    List<Map<String, Object>> outbox = api.get("/dev/sms-outbox", null).jsonList();
    for (int i = outbox.size() - 1; i >= 0; i--) {
      Map<String, Object> message = outbox.get(i);
      if (String.valueOf(message.get("to")).endsWith(lastDigits)) {
        Matcher m = SIX_DIGITS.matcher(String.valueOf(message.get("body")));
        assertThat(m.find()).as("a code in the text message").isTrue();
        secretsSeen.add(m.group(1));
        return m.group(1);
      }
    }
    throw new AssertionError("no text message to ..." + lastDigits);
  }

  protected URI apiUri() {
    return server.getURI();
  }
}
