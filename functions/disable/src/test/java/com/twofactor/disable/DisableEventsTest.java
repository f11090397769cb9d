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
        entry("disable-totp-only.json", 400),
        entry("disable-unknown-method.json", 400),
        entry("disable-without-verification.json", 400));
  }
}
