package com.twofactor.aws.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs a test class only where a Docker engine answers. Where none does, the class is reported as
 * skipped, and a banner on standard error says so, so a skipped suite is never read as a pass.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerAvailable.Condition.class)
public @interface DockerAvailable {

  /** The condition behind the annotation. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      boolean docker;
      try {
        docker = DockerClientFactory.instance().isDockerAvailable();
      } catch (RuntimeException e) {
        docker = false;
      }
      if (docker) {
        return ConditionEvaluationResult.enabled("Docker is available");
      }
      String reason =
          context.getDisplayName()
              + " SKIPPED: no Docker engine here; it runs wherever Docker runs";
      System.err.println("\n*** " + reason + " ***\n");
      return ConditionEvaluationResult.disabled(reason);
    }
  }
}
