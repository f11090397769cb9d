package com.twofactor.securityevents;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.twofactor.aws.dynamodb.ItemImages;
import com.twofactor.core.events.SecurityEvent;
import com.twofactor.core.events.SecurityEventMapper;
import io.micronaut.context.annotation.Context;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox relay: turns a batch of stream records into security events (decoded by the stores'
 * own item mapping, mapped by the same {@link SecurityEventMapper} the dev server uses) and
 * publishes them in record order.
 *
 * <p>At the first record that cannot be decoded or whose events EventBridge does not accept, it
 * stops and reports that record as the batch's failure ({@code ReportBatchItemFailures}): Lambda
 * then retries from it, so nothing after it is skipped, and after the template's bounded retries
 * sends it to the dead-letter queue. Events of records before it are never published twice by the
 * retry; events after it in the same PutEvents call may be (delivery is at least once; each event's
 * {@code eventId} is stable for dropping duplicates).
 *
 * <p>Stateless and thread-safe.
 */
@Context
public final class StreamRelay {
  private static final Logger LOG = LoggerFactory.getLogger(StreamRelay.class);

  private final SecurityEventMapper mapper;
  private final EventBridgePublisher publisher;
  private final Clock clock;

  public StreamRelay(SecurityEventMapper mapper, EventBridgePublisher publisher, Clock clock) {
    this.mapper = mapper;
    this.publisher = publisher;
    this.clock = clock;
  }

  public StreamsEventResponse relay(DynamodbEvent batch) {
    List<DynamodbEvent.DynamodbStreamRecord> records =
        batch.getRecords() == null ? List.of() : batch.getRecords();
    List<SecurityEvent> events = new ArrayList<>();
    List<Integer> recordOf = new ArrayList<>();
    int undecodable = records.size();
    for (int r = 0; r < records.size(); r++) {
      try {
        for (SecurityEvent event : events(records.get(r))) {
          events.add(event);
          recordOf.add(r);
        }
      } catch (RuntimeException e) {
        LOG.error(
            "stream record {} could not be decoded: {}",
            records.get(r).getEventID(),
            e.getClass().getSimpleName());
        undecodable = r;
        break;
      }
    }
    int firstFailed = undecodable;
    for (int from = 0; from < events.size(); from += EventBridgePublisher.MAX_ENTRIES) {
      int to = Math.min(events.size(), from + EventBridgePublisher.MAX_ENTRIES);
      BitSet refused = publisher.publish(events.subList(from, to));
      if (!refused.isEmpty()) {
        firstFailed = Math.min(firstFailed, recordOf.get(from + refused.nextSetBit(0)));
        break;
      }
    }
    StreamsEventResponse response = new StreamsEventResponse();
    List<StreamsEventResponse.BatchItemFailure> failures = new ArrayList<>();
    if (firstFailed < records.size()) {
      failures.add(
          new StreamsEventResponse.BatchItemFailure(
              records.get(firstFailed).getDynamodb().getSequenceNumber()));
    }
    response.setBatchItemFailures(failures);
    LOG.info(
        "relayed {} records as {} events; failed: {}",
        records.size(),
        events.size(),
        failures.isEmpty() ? "none" : "from record " + firstFailed);
    return response;
  }

  private List<SecurityEvent> events(DynamodbEvent.DynamodbStreamRecord record) {
    StreamRecord data = record.getDynamodb();
    Instant time =
        data.getApproximateCreationDateTime() == null
            ? clock.instant()
            : data.getApproximateCreationDateTime().toInstant();
    return ItemImages.change(
            StreamImages.toSdk(data.getOldImage()), StreamImages.toSdk(data.getNewImage()))
        .map(change -> mapper.map(change, time))
        .orElse(List.of());
  }
}
