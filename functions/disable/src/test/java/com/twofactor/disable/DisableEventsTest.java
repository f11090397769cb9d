package com.twofactor.disable;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class DisableEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "disable";
  }

  @Override
  protected Map<String, Expected> expectedAnswers() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", answer(200)),
        entry("preflight-other-origin.json", problem(405, "not_found")),
        entry("disable-without-verification-allowed-origin.json", problem(400, "invalid_request")),
        entry("disable-all.json", problem(400, "invalid_code")),
        // The caller has no TOTP: refused before the proof is checked, so no proof is used up.
        entry("disable-totp-only.json", problem(404, "not_found")),
        entry("disable-unknown-method.json", problem(400, "invalid_request")),
        entry("disable-without-verification.json", invalid("verification")),
        entry("internal-admin-reset.json", problem(404, "not_found")),
        entry("internal-admin-reset-without-iam-caller.json", problem(403, "forbidden")),
        entry("internal-admin-reset-without-reason.json", invalid("reason")),
        entry("internal-branch-key-rotation.json", answer(201)),
        entry("internal-branch-key-rotation-without-iam-caller.json", problem(403, "forbidden")));
  }
}
