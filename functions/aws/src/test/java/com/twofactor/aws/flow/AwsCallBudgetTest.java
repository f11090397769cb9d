package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.Method;
import com.twofactor.core.service.StatusService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.VerificationService;
import org.junit.jupiter.api.Test;

/** DESIGN.md performance budgets, counted at the SDK boundary with an ExecutionInterceptor. */
class AwsCallBudgetTest extends OnEmulatedAws {
  @Test
  void status_costsOneReadAndNoKms() {
    TotpOnAws.enroll(aws, "budget-status");
    aws.calls.reset();

    aws.bean(StatusService.class).status("budget-status");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem");
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
