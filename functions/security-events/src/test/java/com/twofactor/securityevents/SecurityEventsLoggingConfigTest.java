package com.twofactor.securityevents;

import com.twofactor.aws.testing.LogbackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SecurityEventsLoggingConfigTest {

  @Test
  void logbackXml_logsStructuredJsonAtInfo() throws Exception {
    LogbackConfig.assertStructuredAtInfo(Path.of("src/main/resources/logback.xml"));
  }
}
