package com.twofactor.wiring;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The one logback.xml every function jar carries (FunctionJarsIT checks the jars hold this file).
 */
@Tag("unit")
class LoggingConfigTest {

  @Test
  void logbackXml_logsStructuredJsonAtInfo() throws Exception {
    LogbackConfig.assertStructuredAtInfo(Path.of("src/main/resources/logback.xml"));
  }
}
