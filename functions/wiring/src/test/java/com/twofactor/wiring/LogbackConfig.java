package com.twofactor.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.net.URL;
import java.nio.file.Path;

/**
 * Checks a deployable's logback.xml the way logback reads it at start-up: it must parse without
 * errors, log at INFO, and write structured JSON to the console (CloudWatch Logs).
 */
public final class LogbackConfig {
  private LogbackConfig() {}

  public static void assertStructuredAtInfo(Path logbackXml) throws Exception {
    LoggerContext context = new LoggerContext();
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL url = logbackXml.toUri().toURL();
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
      throw new AssertionError("logback.xml does not parse", e);
    }
    assertThat(context.getStatusManager().getCopyOfStatusList())
        .noneMatch(status -> status.getLevel() >= Status.WARN);
    var root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.INFO);
    var appender = root.getAppender("STDOUT");
    assertThat(appender).isInstanceOf(ConsoleAppender.class);
    assertThat(((ConsoleAppender<?>) appender).getEncoder()).isInstanceOf(JsonEncoder.class);
    context.stop();
  }
}
