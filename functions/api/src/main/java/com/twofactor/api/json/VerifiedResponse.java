package com.twofactor.api.json;

import io.micronaut.serde.annotation.Serdeable;

/** The answer to a successful verification. */
@Serdeable
public record VerifiedResponse(boolean verified, String method) {
  public static VerifiedResponse of(String method) {
    return new VerifiedResponse(true, method);
  }
}
