package com.twofactor.verification;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class VerificationEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "verification";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("verify-totp-allowed-origin.json", 400),
        entry("verify-totp.json", 400),
        entry("verify-sms.json", 400),
        entry("verify-unknown-method.json", 400),
        entry("verify-backup-code-method-on-self-service.json", 400),
        entry("verify-without-authorizer-claims.json", 401),
        entry("send-sms-code.json", 404),
        entry("internal-verify-totp.json", 400),
        entry("internal-verify-sms.json", 400),
        entry("internal-verify-backup-code.json", 400),
        entry("internal-verify-without-iam-caller.json", 403),
        entry("internal-verify-totp-unlisted-caller.json", 403),
        entry("internal-send-sms-code-unlisted-caller.json", 403),
        entry("internal-send-sms-code.json", 404),
        entry("internal-send-sms-code-without-iam-caller.json", 403),
        entry("malformed-sub-a-list.json", 401));
  }
}
