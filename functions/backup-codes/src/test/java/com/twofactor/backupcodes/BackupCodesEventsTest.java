package com.twofactor.backupcodes;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class BackupCodesEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "backup-codes";
  }

  @Override
  protected Map<String, Expected> expectedAnswers() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", answer(200)),
        entry("preflight-other-origin.json", problem(405, "not_found")),
        entry("reveal-without-verification-allowed-origin.json", problem(400, "invalid_request")),
        // A user without 2FA has no codes: that precondition is checked before the proof.
        entry("reveal.json", problem(404, "not_found")),
        entry("reveal-with-backup-code.json", problem(404, "not_found")),
        entry("reveal-without-verification.json", problem(400, "invalid_request")),
        entry("regenerate.json", problem(404, "not_found")),
        entry("consume.json", problem(400, "invalid_code")),
        entry("consume-malformed-code.json", problem(400, "invalid_request")),
        entry("consume-without-authorizer-claims.json", problem(401, "unauthenticated")));
  }
}
