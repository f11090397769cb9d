package com.twofactor.testkit;

import com.twofactor.core.port.AuditEvent;
import com.twofactor.core.port.AuditLog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps audit events in memory so tests can assert on them. Thread-safe. */
public final class RecordingAuditLog implements AuditLog {
  private final List<AuditEvent> events = new CopyOnWriteArrayList<>();

  @Override
  public void record(AuditEvent event) {
    events.add(event);
  }

  public List<AuditEvent> events() {
    return List.copyOf(events);
  }

  public List<String> actions() {
    return events.stream().map(AuditEvent::action).toList();
  }
}
