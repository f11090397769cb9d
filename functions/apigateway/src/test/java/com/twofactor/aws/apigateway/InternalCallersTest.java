package com.twofactor.aws.apigateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class InternalCallersTest {
  private static final String SESSION = "arn:aws:sts::123456789012:assumed-role/login-backend/s1";

  private static InternalCallers listing(String... roleArns) {
    InternalCallers callers = new InternalCallers();
    callers.setRoleArns(List.of(roleArns));
    return callers;
  }

  @Test
  void sessionOfAListedRole_isAllowed() {
    assertThat(listing("arn:aws:iam::123456789012:role/login-backend").allows(SESSION)).isTrue();
  }

  @Test
  void sessionOfAListedRoleWithAPath_isAllowed() {
    assertThat(listing("arn:aws:iam::123456789012:role/service/auth/login-backend").allows(SESSION))
        .isTrue();
  }

  @Test
  void sessionOfAnotherRole_isRefused() {
    InternalCallers callers = listing("arn:aws:iam::123456789012:role/login-backend");

    assertThat(callers.allows("arn:aws:sts::123456789012:assumed-role/reporting-job/s1")).isFalse();
    assertThat(callers.allows("arn:aws:sts::123456789012:assumed-role/login-backend-2/s1"))
        .isFalse();
    assertThat(callers.allows("arn:aws:sts::123456789012:assumed-role/Login-Backend/s1")).isFalse();
  }

  @Test
  void sameRoleNameInAnotherAccountOrPartition_isRefused() {
    InternalCallers callers = listing("arn:aws:iam::123456789012:role/login-backend");

    assertThat(callers.allows("arn:aws:sts::999999999999:assumed-role/login-backend/s1")).isFalse();
    assertThat(callers.allows("arn:aws-cn:sts::123456789012:assumed-role/login-backend/s1"))
        .isFalse();
  }

  @Test
  void iamUserOrRoot_isRefusedUnlessListedExactly() {
    InternalCallers callers = listing("arn:aws:iam::123456789012:role/login-backend");

    assertThat(callers.allows("arn:aws:iam::123456789012:user/login-backend")).isFalse();
    assertThat(callers.allows("arn:aws:iam::123456789012:root")).isFalse();
    assertThat(
            listing("arn:aws:iam::123456789012:user/ops")
                .allows("arn:aws:iam::123456789012:user/ops"))
        .isTrue();
  }

  @Test
  void malformedSessions_areRefused() {
    InternalCallers callers = listing("arn:aws:iam::123456789012:role/login-backend");

    assertThat(callers.allows("arn:aws:sts::123456789012:assumed-role/login-backend")).isFalse();
    assertThat(callers.allows("arn:aws:sts::123456789012:federated-user/login-backend/x"))
        .isFalse();
    assertThat(callers.allows("login-backend")).isFalse();
  }

  @Test
  void emptyList_refusesEveryone() {
    assertThat(listing().allows(SESSION)).isFalse();
  }

  @Test
  void theTemplatesEmptyParameter_bindsToAnEmptyListAndACommaListToItsRoles() {
    try (ApplicationContext context =
        ApplicationContext.run(Map.of("two-factor.internal-callers.role-arns", ""))) {
      assertThat(context.getBean(InternalCallers.class).getRoleArns()).isEmpty();
    }
    try (ApplicationContext context =
        ApplicationContext.run(
            Map.of(
                "two-factor.internal-callers.role-arns",
                "arn:aws:iam::123456789012:role/a,arn:aws:iam::123456789012:role/login-backend"))) {
      assertThat(context.getBean(InternalCallers.class).allows(SESSION)).isTrue();
    }
  }
}
