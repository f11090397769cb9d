package com.twofactor.securityevents;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.net.URI;
import java.util.Optional;

/**
 * Settings under {@code two-factor.events.*}: where security events go. On Lambda, template.yaml
 * sets {@code TWO_FACTOR_EVENT_BUS} to the bus it creates. A blank bus or source, or attempts
 * outside 1 to 5, stop the function at start-up.
 */
@ConfigurationProperties("two-factor.events")
public class EventsConfiguration {
  private String busName = "two-factor-security";
  private String source = "com.twofactor.security";
  private URI endpoint;
  private int attempts = 3;

  /** The event bus's name or ARN. */
  public String getBusName() {
    return busName;
  }

  public void setBusName(String busName) {
    this.busName = busName;
  }

  /** The {@code source} of every event, which consumers' rules match on. */
  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  /** An EventBridge endpoint override, for tests; absent on AWS. */
  public Optional<URI> getEndpoint() {
    return Optional.ofNullable(endpoint);
  }

  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * How often an entry PutEvents reported as failed is sent in one invocation before its stream
   * record is reported as failed (and Lambda's bounded retries take over).
   */
  public int getAttempts() {
    return attempts;
  }

  public void setAttempts(int attempts) {
    this.attempts = attempts;
  }

  @PostConstruct
  void check() {
    requireText("two-factor.events.bus-name", busName);
    requireText("two-factor.events.source", source);
    if (attempts < 1 || attempts > 5) {
      throw new IllegalStateException("two-factor.events.attempts must be between 1 and 5");
    }
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must not be blank");
    }
  }
}
