package com.twofactor.devserver.cognito;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Settings of the dev server's local Cognito under {@code dev-server.cognito.*}. The defaults are
 * the contract the login page's dev {@code config.json} is written against: user pool {@code
 * local_devserver} (so the client library's pool name for SRP is {@code devserver}) and app client
 * {@code dev-server-client}. Mutable only while Micronaut binds it; read-only afterwards.
 */
@ConfigurationProperties("dev-server.cognito")
public class LocalCognitoConfiguration {
  private String userPoolId = "local_devserver";
  private String clientId = "dev-server-client";

  /** The token issuer; empty means {@code http://localhost:<port>/<userPoolId>}. */
  private String issuer = "";

  /** How long a sign-in step's session may be answered (Cognito's AuthSessionValidity: 3 min). */
  private Duration sessionValidity = Duration.ofMinutes(3);

  /** Lifetime of ID and access tokens (the template's IdTokenValidity: 60 min). */
  private Duration tokenValidity = Duration.ofHours(1);

  public String getUserPoolId() {
    return userPoolId;
  }

  public void setUserPoolId(String userPoolId) {
    this.userPoolId = userPoolId;
  }

  /** The part after the region's underscore: what the client library hashes into SRP's x. */
  public String poolName() {
    return userPoolId.substring(userPoolId.indexOf('_') + 1);
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getIssuer() {
    return issuer;
  }

  public void setIssuer(String issuer) {
    this.issuer = issuer;
  }

  public Duration getSessionValidity() {
    return sessionValidity;
  }

  public void setSessionValidity(Duration sessionValidity) {
    this.sessionValidity = sessionValidity;
  }

  public Duration getTokenValidity() {
    return tokenValidity;
  }

  public void setTokenValidity(Duration tokenValidity) {
    this.tokenValidity = tokenValidity;
  }
}
