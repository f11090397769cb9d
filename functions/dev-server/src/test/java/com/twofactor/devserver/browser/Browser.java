package com.twofactor.devserver.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import javax.imageio.ImageIO;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium (Debian's package, driven through chromium-driver) for a test class: a
 * fresh profile, console capture, screenshots under {@code target/screens/}, and a clock the test
 * can move, since the pages time things (the SMS resend wait) with the browser's clock. Not thread
 * safe: one test class drives it at a time.
 */
final class Browser implements AutoCloseable {
  static final Dimension DESKTOP = new Dimension(1280, 1400);
  static final Dimension PHONE = new Dimension(360, 1600);

  /**
   * Replaces Date in every page so the test can move the browser's clock together with the
   * server's; everything else about Date stays the browser's own.
   */
  private static final String CLOCK_SCRIPT =
      """
      (() => {
        const RealDate = Date;
        const realNow = RealDate.now.bind(RealDate);
        let offset = 0;
        class TestDate extends RealDate {
          constructor(...args) { if (args.length === 0) { super(realNow() + offset); } else { super(...args); } }
          static now() { return realNow() + offset; }
        }
        window.Date = TestDate;
        Object.defineProperty(window, '__setTestClockOffset', { value: (ms) => { offset = ms; } });
      })();
      """;

  private final ChromeDriver driver;
  private final Path profile;
  private final Path screens;
  private long clockOffsetMillis;

  static Path chromiumBinary() {
    return Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  }

  static Path chromedriverBinary() {
    return Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
  }

  Browser(Path screens) throws IOException {
    this.screens = Files.createDirectories(screens);
    this.profile = Files.createTempDirectory("chromium-profile");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromiumBinary().toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    logs.enable(LogType.PERFORMANCE, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(chromedriverBinary().toFile())
            .usingAnyFreePort()
            .build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    driver.executeCdpCommand(
        "Page.addScriptToEvaluateOnNewDocument", Map.of("source", CLOCK_SCRIPT));
  }

  ChromeDriver driver() {
    return driver;
  }

  void open(String url) {
    driver.get(url);
    syncClock();
  }

  void size(Dimension size) {
    driver.manage().window().setSize(size);
  }

  /** Moves the pages' clock forward, as the test moves the server's. */
  void advanceClock(Duration by) {
    clockOffsetMillis += by.toMillis();
    syncClock();
  }

  /** How far the pages' clock has been moved ahead of the real one. */
  Duration clockOffset() {
    return Duration.ofMillis(clockOffsetMillis);
  }

  private void syncClock() {
    driver.executeScript("window.__setTestClockOffset(arguments[0])", clockOffsetMillis);
  }

  WebElement find(String css) {
    return waitFor(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
  }

  <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
    return new WebDriverWait(driver, Duration.ofSeconds(10)).until(condition);
  }

  void waitForText(String css, String text) {
    waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
  }

  void screenshot(String name) {
    try {
      Files.write(screens.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads the QR code shown in {@code element} from a screenshot of it, as a phone camera would.
   */
  String readQrCode(WebElement element) {
    try {
      byte[] png = element.getScreenshotAs(OutputType.BYTES);
      Files.write(screens.resolve("qr-as-read.png"), png);
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int[] pixels =
          image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
      BinaryBitmap bitmap =
          new BinaryBitmap(
              new HybridBinarizer(
                  new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
      return new QRCodeReader()
          .decode(bitmap, Map.of(com.google.zxing.DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (com.google.zxing.ReaderException e) {
      throw new AssertionError("no QR code could be read from the page", e);
    }
  }

  /**
   * Console entries since the last call that are errors. The browser also logs each HTTP error
   * answer it receives ("Failed to load resource: ... status of 409"); the stories provoke those on
   * purpose (refusals the page shows), so 4xx answers are not counted; script errors, CORS
   * refusals, 5xx answers and failed loads are.
   */
  List<String> consoleErrors() {
    List<String> errors = new ArrayList<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
      String text = entry.getMessage();
      boolean expectedRefusal =
          text.matches(
              "(?s).*Failed to load resource: the server responded with a status of 4\\d\\d.*");
      if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !expectedRefusal) {
        errors.add(text);
      }
    }
    return errors;
  }

  /** A request the page sent, as Chromium's network log saw it leave. */
  record SentRequest(String method, String url, Map<String, String> headers) {
    /** A header's value, whatever the case of its name; null when absent. */
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(null);
    }
  }

  /**
   * Requests sent since the last call, from the DevTools network log (the request headers as they
   * went out, including those Chromium adds), so a story can say what a page put on the wire.
   */
  @SuppressWarnings("unchecked")
  List<SentRequest> sentRequests() {
    Map<String, String> urls = new java.util.HashMap<>();
    Map<String, String> methods = new java.util.HashMap<>();
    Map<String, Map<String, String>> headers = new java.util.LinkedHashMap<>();
    for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
      Map<String, Object> logged =
          new org.openqa.selenium.json.Json().toType(entry.getMessage(), Map.class);
      Map<String, Object> message = (Map<String, Object>) logged.get("message");
      String method = String.valueOf(message.get("method"));
      Map<String, Object> params = (Map<String, Object>) message.get("params");
      if (params == null || params.get("requestId") == null) {
        continue;
      }
      String id = String.valueOf(params.get("requestId"));
      if (method.equals("Network.requestWillBeSent")) {
        Map<String, Object> request = (Map<String, Object>) params.get("request");
        urls.put(id, String.valueOf(request.get("url")));
        methods.put(id, String.valueOf(request.get("method")));
        headers
            .computeIfAbsent(id, k -> new java.util.HashMap<>())
            .putAll((Map<String, String>) request.get("headers"));
      } else if (method.equals("Network.requestWillBeSentExtraInfo")) {
        headers
            .computeIfAbsent(id, k -> new java.util.HashMap<>())
            .putAll((Map<String, String>) params.get("headers"));
      }
    }
    List<SentRequest> sent = new ArrayList<>();
    headers.forEach(
        (id, h) -> {
          if (urls.containsKey(id)) {
            sent.add(new SentRequest(methods.get(id), urls.get(id), Map.copyOf(h)));
          }
        });
    return sent;
  }

  /** Every key and value in localStorage and sessionStorage of the current page. */
  @SuppressWarnings("unchecked")
  Map<String, String> storage() {
    return (Map<String, String>)
        ((JavascriptExecutor) driver)
            .executeScript(
                """
                const all = {};
                for (const [name, store] of [['local', localStorage], ['session', sessionStorage]]) {
                  for (let i = 0; i < store.length; i++) {
                    const key = store.key(i);
                    all[name + ':' + key] = store.getItem(key);
                  }
                }
                return all;
                """);
  }

  void assertNoConsoleErrors() {
    assertThat(consoleErrors()).as("errors in the browser console").isEmpty();
  }

  @Override
  public void close() throws IOException {
    try {
      driver.quit();
    } finally {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
