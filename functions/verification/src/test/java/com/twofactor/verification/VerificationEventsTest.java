package com.twofactor.verification;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class VerificationEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "verification";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.of(
        "verify-totp.json", 400,
        "verify-unknown-method.json", 400,
        "verify-backup-code-method-on-self-service.json", 400,
        "verify-without-authorizer-claims.json", 401,
        "internal-verify-totp.json", 400,
        "internal-verify-without-iam-caller.json", 403);
  }
}
