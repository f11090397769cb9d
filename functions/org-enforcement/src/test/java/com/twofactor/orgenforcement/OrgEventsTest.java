package com.twofactor.orgenforcement;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import java.util.Map;
import org.junit.jupiter.api.Tag;

/** The org events, for a caller with no org: only creating one succeeds. */
@Tag("unit")
class OrgEventsTest extends ApiEventsContract {

  @Override
  protected String function() {
    return "org-enforcement";
  }

  @Override
  protected Map<String, Expected> expectedAnswers() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", answer(200)),
        entry("preflight-other-origin.json", problem(405, "not_found")),
        entry("create-org-allowed-origin.json", answer(201)),
        entry("create-org.json", answer(201)),
        entry("create-org-blank-name.json", invalid("name")),
        entry("put-member.json", problem(404, "not_found")),
        entry("put-member-bad-role.json", invalid("role")),
        entry("remove-member.json", problem(404, "not_found")),
        entry("get-two-factor.json", problem(404, "not_found")),
        entry("get-two-factor-bad-org-id.json", invalid("orgId")),
        entry("require-two-factor.json", problem(404, "not_found")),
        entry("require-two-factor-bad-grace.json", invalid("gracePeriodHours")),
        entry("list-members-missing.json", problem(404, "not_found")),
        entry("list-members-bad-limit.json", invalid("limit")),
        entry("list-members-bad-cursor.json", invalid("cursor")),
        entry("list-members-bad-filter.json", invalid("twoFactor")),
        entry("member-access.json", problem(404, "not_found")),
        entry("list-invitations.json", answer(200)),
        entry("accept-invitation.json", problem(404, "not_found")),
        entry("decline-invitation.json", problem(404, "not_found")),
        entry("leave-org.json", problem(404, "not_found")),
        entry("internal-put-member.json", problem(404, "not_found")),
        entry("internal-put-member-without-iam-caller.json", problem(403, "forbidden")),
        entry("internal-remove-member.json", problem(404, "not_found")));
  }
}
