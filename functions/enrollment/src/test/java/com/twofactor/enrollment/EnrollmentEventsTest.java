package com.twofactor.enrollment;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class EnrollmentEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "enrollment";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("get-status-allowed-origin.json", 200),
        entry("get-status-other-origin.json", 200),
        entry("get-status-without-authorizer-claims-allowed-origin.json", 401),
        entry("get-status.json", 200),
        entry("get-status-without-authorizer-claims.json", 401),
        entry("start-totp.json", 200),
        entry("confirm-totp.json", 409),
        entry("confirm-totp-malformed-code.json", 400),
        entry("confirm-totp-missing-code.json", 400),
        entry("confirm-totp-malformed-json.json", 400),
        entry("start-sms.json", 200),
        entry("start-sms-invalid-number.json", 400),
        entry("start-sms-too-short.json", 400),
        entry("start-sms-premium-rate.json", 400),
        entry("start-sms-disallowed-country.json", 400),
        entry("start-sms-not-e164.json", 400),
        entry("start-sms-replace-with-verification.json", 400),
        entry("confirm-sms.json", 409),
        entry("unknown-route.json", 404));
  }
}
