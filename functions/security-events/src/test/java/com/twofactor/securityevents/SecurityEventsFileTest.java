package com.twofactor.securityevents;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.FakeEventBridge;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The files of {@code events/security-events/} (for {@code sam local invoke
 * SecurityEventsFunction}), read the way the Lambda runtime reads them and run through the handler.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("dynalite")
class SecurityEventsFileTest {
  private final FakeEventBridge eventBridge = new FakeEventBridge();
  private AwsTestContext aws;

  @BeforeAll
  void start() {
    aws =
        new AwsTestContext(Map.of("two-factor.events.endpoint", eventBridge.endpoint().toString()));
  }

  @AfterAll
  void stop() {
    aws.close();
    eventBridge.close();
  }

  private static Path dir() {
    return Path.of(System.getProperty("events.dir"), "security-events");
  }

  @Test
  void streamBatch_publishesTheRequirementSwitchAndTheLockout_andNothingForAMembership() {
    DynamodbEvent batch =
        EventLoader.loadDynamoDbEvent(dir().resolve("stream-batch.json").toString());

    StreamsEventResponse response =
        new SecurityEventsHandler(aws.context).handleRequest(batch, null);

    assertThat(response.getBatchItemFailures()).isEmpty();
    List<Map<String, Object>> details = eventBridge.acceptedDetails();
    assertThat(details)
        .extracting(d -> d.get("type"))
        .containsExactly("OrgTwoFactorRequirementChanged", "LockedOut");
    assertThat(details.get(0))
        .containsEntry("required", true)
        .containsEntry("gracePeriodHours", 72)
        .containsEntry("time", "2026-11-28T21:20:00Z"); // the record's ApproximateCreationDateTime
    assertThat(details.get(1))
        .containsEntry("userId", "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87")
        .containsEntry("lockedUntil", "2026-11-28T10:15:00Z");
    details.forEach(EventSchemas::assertConforms);
  }

  @Test
  void everyEventFileIsChecked() throws Exception {
    try (Stream<Path> files = Files.list(dir())) {
      assertThat(files.map(f -> f.getFileName().toString())).containsExactly("stream-batch.json");
    }
  }
}
