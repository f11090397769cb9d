package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.Method;
import com.twofactor.core.org.Org;
import com.twofactor.core.org.Role;
import com.twofactor.core.service.OrgService;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.TwoFactorStatus;
import com.twofactor.core.service.VerificationService;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DESIGN.md performance budgets, counted at the SDK boundary with an ExecutionInterceptor. */
class AwsCallBudgetTest extends OnEmulatedAws {
  @Test
  void status_costsOneReadAndNoKms() {
    TotpOnAws.enroll(aws, "budget-status");
    aws.calls.reset();

    aws.bean(StatusService.class).status("budget-status");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem", "DynamoDb.Query");
  }

  /** Issue 9 item 5: status names the requiring orgs within 3 calls, none to KMS. */
  @Test
  void statusOfAMemberOfRequiringOrgs_costsAtMostThreeCallsAndNoKms() {
    TotpOnAws.enroll(aws, "budget-owner");
    TotpOnAws.enroll(aws, "budget-member");
    OrgService orgs = aws.bean(OrgService.class);
    for (String name : List.of("first", "second", "third")) {
      Org org = orgs.create("budget-owner", name);
      orgs.setRequirement("budget-owner", org.orgId(), true, 24);
      orgs.putMember("budget-owner", org.orgId(), "budget-member", Role.MEMBER);
      orgs.acceptInvitation("budget-member", org.orgId());
    }
    aws.calls.reset();

    TwoFactorStatus status = aws.bean(StatusService.class).status("budget-member");

    assertThat(status.requiredBy())
        .extracting(TwoFactorStatus.OrgRequirement::name)
        .containsExactlyInAnyOrder("first", "second", "third");
    assertThat(aws.calls.calls())
        .hasSizeLessThanOrEqualTo(3)
        .noneMatch(call -> call.startsWith("Kms."))
        .containsExactly("DynamoDb.GetItem", "DynamoDb.Query", "DynamoDb.BatchGetItem");
  }

  @Test
  void totpVerify_costsOneReadOneDecryptOneConditionalWrite() {
    byte[] secret = TotpOnAws.enroll(aws, "budget-verify");
    aws.calls.reset();

    aws.bean(VerificationService.class)
        .verify("budget-verify", "budget-verify", Method.TOTP, TotpOnAws.nextStepCode(secret));

    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Decrypt", "DynamoDb.PutItem");
  }

  @Test
  void totpStart_costsOneReadOneEncryptOneWrite() {
    aws.calls.reset();

    aws.bean(TotpEnrollmentService.class).start("budget-start", "budget-start");

    assertThat(aws.calls.calls())
        .containsExactly("DynamoDb.GetItem", "Kms.Encrypt", "DynamoDb.PutItem");
  }
}
