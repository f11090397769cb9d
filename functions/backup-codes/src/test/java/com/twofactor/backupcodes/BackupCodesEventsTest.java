package com.twofactor.backupcodes;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

class BackupCodesEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "backup-codes";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("reveal-without-verification-allowed-origin.json", 400),
        // A user without 2FA has no codes: that precondition is checked before the proof.
        entry("reveal.json", 404),
        entry("reveal-with-backup-code.json", 404),
        entry("reveal-without-verification.json", 400),
        entry("regenerate.json", 404),
        entry("consume.json", 400),
        entry("consume-malformed-code.json", 400),
        entry("consume-without-authorizer-claims.json", 401));
  }
}
