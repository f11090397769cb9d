package com.twofactor.devserver.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The browser tier (tag {@code browser}): runs where Debian's {@code chromium} and {@code
 * chromium-driver} are installed. Elsewhere the class is reported as skipped with a banner and a
 * "SKIPPED:" line that {@code .ci/run} lists, so a skipped tier is never read as a pass; under
 * {@code CI=true} a missing Chromium fails the build instead.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@ExtendWith(BrowserAvailable.Condition.class)
public @interface BrowserAvailable {

  /** The condition behind the annotation. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      Path browser = Browser.chromiumBinary();
      Path driver = Browser.chromedriverBinary();
      if (Files.isExecutable(browser) && Files.isExecutable(driver)) {
        return ConditionEvaluationResult.enabled("Chromium is installed");
      }
      String missing =
          "no Chromium here ("
              + browser
              + " and "
              + driver
              + "; apt-get install chromium chromium-driver)";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        throw new IllegalStateException(
            "CI=true but the browser tier cannot run: " + missing + "; .ci/run installs them");
      }
      String reason = context.getDisplayName() + " SKIPPED: " + missing;
      System.err.println("\n*** " + reason + " ***\n");
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
