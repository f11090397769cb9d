package com.twofactor.securityevents;

import com.twofactor.core.events.SecurityEvent;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes security events to the configured EventBridge bus with {@code PutEvents}, at most 10
 * entries per call (EventBridge's limit). PutEvents can accept some entries of a call and refuse
 * others ({@code FailedEntryCount}, an {@code ErrorCode} per entry): only the refused ones are sent
 * again, up to {@link EventsConfiguration#getAttempts()} times in all; a call that fails as a whole
 * counts as every entry refused. Thread-safe.
 */
@Singleton
public final class EventBridgePublisher {
  /** EventBridge takes at most this many entries per PutEvents call. */
  static final int MAX_ENTRIES = 10;

  private static final Logger LOG = LoggerFactory.getLogger(EventBridgePublisher.class);

  private final EventBridgeClient client;
  private final EventsConfiguration config;
  private final JsonMapper json;

  public EventBridgePublisher(
      EventBridgeClient client, EventsConfiguration config, JsonMapper json) {
    this.client = client;
    this.config = config;
    this.json = json;
  }

  /**
   * Publishes {@code events} (at most {@link #MAX_ENTRIES}).
   *
   * @return the positions, in {@code events}, of the events still not accepted after every attempt
   */
  public BitSet publish(List<SecurityEvent> events) {
    if (events.size() > MAX_ENTRIES) {
      throw new IllegalArgumentException("at most " + MAX_ENTRIES + " events per call");
    }
    List<Integer> pending = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      pending.add(i);
    }
    for (int attempt = 1; attempt <= config.getAttempts() && !pending.isEmpty(); attempt++) {
      pending = attempt(events, pending);
    }
    BitSet failed = new BitSet();
    pending.forEach(failed::set);
    return failed;
  }

  /** One PutEvents call for the {@code pending} events; returns those it did not accept. */
  private List<Integer> attempt(List<SecurityEvent> events, List<Integer> pending) {
    List<PutEventsRequestEntry> entries = new ArrayList<>(pending.size());
    for (int index : pending) {
      entries.add(entry(events.get(index)));
    }
    PutEventsResponse response;
    try {
      response = client.putEvents(PutEventsRequest.builder().entries(entries).build());
    } catch (SdkException e) {
      LOG.warn("PutEvents failed for {} entries: {}", entries.size(), e.getClass().getSimpleName());
      return pending;
    }
    Integer failedCount = response.failedEntryCount();
    if (failedCount == null || failedCount == 0) {
      return List.of();
    }
    List<Integer> refused = new ArrayList<>();
    List<PutEventsResultEntry> results = response.entries();
    for (int i = 0; i < pending.size(); i++) {
      // Results are positional; a missing result is treated as a refusal, never as success.
      PutEventsResultEntry result = i < results.size() ? results.get(i) : null;
      if (result == null || result.errorCode() != null || result.eventId() == null) {
        refused.add(pending.get(i));
        LOG.warn(
            "PutEvents refused a {} entry: {}",
            events.get(pending.get(i)).detailType(),
            result == null ? "no result" : result.errorCode());
      }
    }
    return refused;
  }

  private PutEventsRequestEntry entry(SecurityEvent event) {
    try {
      return PutEventsRequestEntry.builder()
          .eventBusName(config.getBusName())
          .source(config.getSource())
          .detailType(event.detailType())
          .time(event.time())
          .detail(json.writeValueAsString(event.detail()))
          .build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
