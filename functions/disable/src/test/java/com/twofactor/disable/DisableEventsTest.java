package com.twofactor.disable;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class DisableEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "disable";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("disable-without-verification-allowed-origin.json", 400),
        entry("disable-all.json", 400),
        // The caller has no TOTP: refused before the proof is checked, so no proof is used up.
        entry("disable-totp-only.json", 404),
        entry("disable-unknown-method.json", 400),
        entry("disable-without-verification.json", 400),
        entry("internal-admin-reset.json", 404),
        entry("internal-admin-reset-without-iam-caller.json", 403),
        entry("internal-admin-reset-without-reason.json", 400));
  }
}
