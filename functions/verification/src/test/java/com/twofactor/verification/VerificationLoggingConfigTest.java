package com.twofactor.verification;

import com.twofactor.aws.testing.LogbackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VerificationLoggingConfigTest {

  @Test
  void logbackXml_logsStructuredJsonAtInfo() throws Exception {
    LogbackConfig.assertStructuredAtInfo(Path.of("src/main/resources/logback.xml"));
  }
}
