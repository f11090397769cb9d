package com.twofactor.backupcodes;

import com.twofactor.aws.testing.LogbackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BackupCodesLoggingConfigTest {

  @Test
  void logbackXml_logsStructuredJsonAtInfo() throws Exception {
    LogbackConfig.assertStructuredAtInfo(Path.of("src/main/resources/logback.xml"));
  }
}
