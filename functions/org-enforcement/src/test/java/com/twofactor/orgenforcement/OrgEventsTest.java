package com.twofactor.orgenforcement;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;

/** The org events, for a caller with no org: only creating one succeeds. */
class OrgEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "org-enforcement";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("create-org-allowed-origin.json", 201),
        entry("create-org.json", 201),
        entry("create-org-blank-name.json", 400),
        entry("put-member.json", 404),
        entry("put-member-bad-role.json", 400),
        entry("remove-member.json", 404),
        entry("get-two-factor.json", 404),
        entry("require-two-factor.json", 404),
        entry("require-two-factor-bad-grace.json", 400),
        entry("list-members-missing.json", 404),
        entry("list-members-bad-limit.json", 400),
        entry("member-access.json", 404),
        entry("list-invitations.json", 200),
        entry("accept-invitation.json", 404),
        entry("decline-invitation.json", 404),
        entry("leave-org.json", 404),
        entry("internal-put-member.json", 404),
        entry("internal-put-member-without-iam-caller.json", 403),
        entry("internal-remove-member.json", 404));
  }
}
