package com.twofactor.api.json;

import com.twofactor.core.service.SmsChallenge;
import io.micronaut.serde.annotation.Serdeable;

/** A code was texted: to which phone (masked), how long it works, when another may be sent. */
@Serdeable
public record SmsChallengeResponse(
    String phoneHint, String codeExpiresAt, String resendAvailableAt) {
  public static SmsChallengeResponse from(SmsChallenge challenge) {
    return new SmsChallengeResponse(
        challenge.phoneHint(),
        challenge.codeExpiresAt().toString(),
        challenge.resendAvailableAt().toString());
  }
}
