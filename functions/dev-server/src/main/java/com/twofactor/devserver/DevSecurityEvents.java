package com.twofactor.devserver;

import com.twofactor.core.events.SecurityEvent;
import com.twofactor.core.events.SecurityEventMapper;
import com.twofactor.core.events.StoredChange;
import com.twofactor.testkit.InMemoryOrgStore;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What production would publish to EventBridge, locally: every write of the in-memory stores goes
 * through the same {@link SecurityEventMapper} the stream function uses; the events are printed on
 * the console and listed, oldest first, at {@code GET /dev/events} in EventBridge's envelope. The
 * list is kept in memory for the life of the process. Development only; thread-safe.
 */
@Context
@Controller("/dev/events")
final class DevSecurityEvents {
  private static final Logger CONSOLE = LoggerFactory.getLogger("dev-security-events");

  private final SecurityEventMapper mapper;
  private final Clock clock;
  private final JsonMapper json;
  private final String source;
  private final List<Map<String, Object>> published = new CopyOnWriteArrayList<>();

  DevSecurityEvents(
      InMemoryTwoFactorStore users,
      InMemoryOrgStore orgs,
      SecurityEventMapper mapper,
      Clock clock,
      JsonMapper json,
      @Value("${two-factor.events.source:com.twofactor.security}") String source) {
    this.mapper = mapper;
    this.clock = clock;
    this.json = json;
    this.source = source;
    users.onChange(this::changed);
    orgs.onChange(this::changed);
  }

  private void changed(StoredChange change) {
    for (SecurityEvent event : mapper.map(change, clock.instant())) {
      Map<String, Object> envelope = new LinkedHashMap<>();
      envelope.put("id", event.id());
      envelope.put("source", source);
      envelope.put("detail-type", event.detailType());
      envelope.put("time", event.time().toString());
      envelope.put("detail", event.detail());
      published.add(envelope);
      CONSOLE.warn("security event {}: {}", event.detailType(), render(event));
    }
  }

  private String render(SecurityEvent event) {
    try {
      return json.writeValueAsString(event.detail());
    } catch (IOException e) {
      return event.detail().toString();
    }
  }

  @Get
  List<Map<String, Object>> events() {
    return List.copyOf(published);
  }
}
