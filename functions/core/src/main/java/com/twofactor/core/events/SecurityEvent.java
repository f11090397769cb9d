package com.twofactor.core.events;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One security-relevant change, as published (EventBridge in production, {@code GET /dev/events}
 * locally). Immutable.
 *
 * <p>The detail holds identifiers, times, method names and counts only: never a secret, a code, a
 * hash or a phone number (the masked {@code phoneHint} at most). Its values are strings, numbers,
 * booleans or lists of strings, so any JSON writer can render it.
 *
 * @param id stable for the same stored change (type, subject, item version), so a consumer can drop
 *     the duplicates that at-least-once delivery brings
 * @param userId the user concerned, or null for an org-wide event
 * @param orgId the org concerned, or null for a user's own event
 * @param facts the type-specific fields, in publication order
 */
public record SecurityEvent(
    String id,
    SecurityEventType type,
    Instant time,
    String userId,
    String orgId,
    Map<String, Object> facts) {

  public SecurityEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(time, "time");
    facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
  }

  /** The EventBridge {@code detail-type}. */
  public String detailType() {
    return type.name();
  }

  /** The whole detail: {@code eventId, type, time, userId?, orgId?}, then the facts. */
  public Map<String, Object> detail() {
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("eventId", id);
    detail.put("type", type.name());
    detail.put("time", time.toString());
    if (userId != null) {
      detail.put("userId", userId);
    }
    if (orgId != null) {
      detail.put("orgId", orgId);
    }
    detail.putAll(facts);
    return Collections.unmodifiableMap(detail);
  }
}
