package com.twofactor.api.http;

import java.util.Objects;
import java.util.Optional;

/**
 * The authenticated end user making a self-service request. On Lambda it comes from the Cognito
 * authorizer's claims and nowhere else; a controller takes it as an argument and never reads the
 * acting user from the body or the query string.
 *
 * @param userId the {@code sub} claim
 * @param email the {@code email} claim, when the authorizer passed one
 */
public record Caller(String userId, String email) {
  public Caller {
    Objects.requireNonNull(userId, "userId");
  }

  /** The name an authenticator app shows for this account: the e-mail if known, else the id. */
  public String accountName() {
    return Optional.ofNullable(email).filter(e -> !e.isBlank()).orElse(userId);
  }
}
