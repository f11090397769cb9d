package com.twofactor.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.twofactor.aws.testing.FakeEventBridge;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The deployable jar leaves the KMS and SNS clients out; this starts the handler from that jar in
 * its own JVM, as Lambda would, and relays the sample batch to a fake EventBridge: it proves the
 * jar starts without them and publishes.
 */
@Tag("lambda")
class ShadedJarIT {

  @Test
  void theDeployableJarStartsWithoutKmsAndSns_andPublishes() throws Exception {
    try (FakeEventBridge eventBridge = new FakeEventBridge()) {
      String classpath =
          String.join(
              File.pathSeparator,
              System.getProperty("security-events.jar"),
              Path.of("target", "test-classes").toAbsolutePath().toString(),
              jarOf(EventLoader.class),
              jarOf(
                  com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers
                      .class));
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add("-Dtwo-factor.events.endpoint=" + eventBridge.endpoint());
      command.add("-cp");
      command.add(classpath);
      command.add(ShadedJarMain.class.getName());
      command.add(
          Path.of(System.getProperty("events.dir"), "security-events", "stream-batch.json")
              .toString());
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      builder.environment().put("AWS_ACCESS_KEY_ID", "test");
      builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
      builder.environment().put("AWS_REGION", "us-east-1");
      builder.environment().put("TWO_FACTOR_EVENT_BUS", "two-factor-it-security");
      Process process = builder.start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

      assertThat(output).contains("FAILURES=0");
      assertThat(eventBridge.acceptedDetails())
          .extracting(d -> d.get("type"))
          .containsExactly("OrgTwoFactorRequirementChanged", "LockedOut");
      assertThat(eventBridge.accepted())
          .allSatisfy(e -> assertThat(e).containsEntry("EventBusName", "two-factor-it-security"));
    }
  }

  private static String jarOf(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}
