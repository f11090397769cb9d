package com.twofactor.securityevents;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.util.Optional;

/**
 * Settings under {@code two-factor.events.*}: where security events go. On Lambda, template.yaml
 * sets {@code TWO_FACTOR_EVENT_BUS} to the bus it creates.
 */
@ConfigurationProperties("two-factor.events")
public class EventsConfiguration {
  @NotBlank private String busName = "two-factor-security";
  @NotBlank private String source = "com.twofactor.security";
  private URI endpoint;

  @Min(1)
  @Max(5)
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
}
