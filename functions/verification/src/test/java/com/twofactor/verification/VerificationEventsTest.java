package com.twofactor.verification;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class VerificationEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "verification";
  }

  @Override
  protected Map<String, Expected> expectedAnswers() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", answer(200)),
        entry("preflight-other-origin.json", problem(405, "not_found")),
        entry("verify-totp-allowed-origin.json", problem(400, "invalid_code")),
        entry("verify-totp.json", problem(400, "invalid_code")),
        entry("verify-sms.json", problem(400, "invalid_code")),
        entry("verify-unknown-method.json", invalid("method")),
        entry("verify-backup-code-method-on-self-service.json", problem(400, "invalid_request")),
        entry("verify-without-authorizer-claims.json", problem(401, "unauthenticated")),
        entry("send-sms-code.json", problem(404, "not_found")),
        entry("internal-verify-totp.json", problem(400, "invalid_code")),
        entry("internal-verify-bad-user-id.json", invalid("userId")),
        entry("internal-verify-sms.json", problem(400, "invalid_code")),
        entry("internal-verify-backup-code.json", problem(400, "invalid_code")),
        entry("internal-verify-without-iam-caller.json", problem(403, "forbidden")),
        entry("internal-verify-totp-unlisted-caller.json", problem(403, "forbidden")),
        entry("internal-send-sms-code-unlisted-caller.json", problem(403, "forbidden")),
        entry("internal-send-sms-code.json", problem(404, "not_found")),
        entry("internal-send-sms-code-without-iam-caller.json", problem(403, "forbidden")),
        entry("malformed-sub-a-list.json", problem(401, "unauthenticated")));
  }
}
