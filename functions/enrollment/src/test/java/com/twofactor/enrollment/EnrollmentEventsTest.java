package com.twofactor.enrollment;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class EnrollmentEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "enrollment";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.of(
        "get-status.json", 200,
        "get-status-without-authorizer-claims.json", 401,
        "start-totp.json", 200,
        "confirm-totp.json", 409,
        "confirm-totp-malformed-code.json", 400,
        "confirm-totp-missing-code.json", 400,
        "confirm-totp-malformed-json.json", 400,
        "unknown-route.json", 404);
  }
}
