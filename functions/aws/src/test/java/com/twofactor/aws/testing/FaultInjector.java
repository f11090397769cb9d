package com.twofactor.aws.testing;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Makes chosen AWS operations fail as a network fault would, before anything is sent, so tests can
 * prove that a dependency failure grants nothing and leaves no half-written state. Thread-safe.
 */
public final class FaultInjector implements ExecutionInterceptor {
  private final Set<String> failing = ConcurrentHashMap.newKeySet();

  /**
   * Fails every later call of {@code operation} (such as {@code "Decrypt"} or {@code "PutItem"}).
   */
  public void fail(String operation) {
    failing.add(operation);
  }

  public void clear() {
    failing.clear();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    if (failing.contains(operation)) {
      throw SdkClientException.create("injected fault: " + operation + " is unreachable");
    }
  }
}
