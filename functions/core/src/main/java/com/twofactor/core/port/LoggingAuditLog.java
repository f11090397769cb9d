package com.twofactor.core.port;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each audit event as one JSON line to the {@code audit} logger; on Lambda that line lands
 * in CloudWatch Logs, where a metric filter or subscription can pick it up. Costs no AWS call on
 * the request path.
 *
 * <p>Thread-safe: it only writes to an SLF4J logger.
 */
public final class LoggingAuditLog implements AuditLog {
  private static final Logger AUDIT = LoggerFactory.getLogger("audit");

  @Override
  public void record(AuditEvent event) {
    StringBuilder json = new StringBuilder(160).append('{');
    field(json, "audit", "true").append(',');
    field(json, "at", event.at().toString()).append(',');
    field(json, "actor", event.actor()).append(',');
    field(json, "action", event.action()).append(',');
    field(json, "subject", event.subject()).append(',');
    field(json, "outcome", event.outcome().name().toLowerCase(java.util.Locale.ROOT));
    for (Map.Entry<String, String> detail : event.details().entrySet()) {
      json.append(',');
      field(json, detail.getKey(), detail.getValue());
    }
    AUDIT.info(json.append('}').toString());
  }

  private static StringBuilder field(StringBuilder json, String name, String value) {
    return quote(json, name).append(':').append(quote(new StringBuilder(), value));
  }

  private static StringBuilder quote(StringBuilder out, String value) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"');
  }
}
