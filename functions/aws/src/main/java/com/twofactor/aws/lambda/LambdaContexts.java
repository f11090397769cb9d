package com.twofactor.aws.lambda;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;

/**
 * The application context the API functions' and the Cognito triggers' handlers start on Lambda
 * (the stream function's one relay bean is built at start anyway): micronaut-function-aws's
 * environments and eagerly bound (and checked) configuration, but singletons built when first used
 * rather than all at start. A function serves several routes or triggers, and a cold start should
 * build what its first request needs, not every route's clients and services; what most requests
 * need is warmed meanwhile on a background thread (PrimingRun, started by InitTimePriming in this
 * environment). Not micronaut's LambdaApplicationContextBuilder: its {@code
 * eagerInitSingletons(true)} cannot be undone. Thread-safe (stateless).
 */
public final class LambdaContexts {
  /** The environment micronaut-function-aws gives Lambda contexts. */
  public static final String ENVIRONMENT = "lambda";

  private LambdaContexts() {}

  /** A builder for a function's context on Lambda. */
  public static ApplicationContextBuilder builder() {
    return ApplicationContext.builder()
        .environments(Environment.FUNCTION, ENVIRONMENT)
        .eagerInitConfiguration(true);
  }
}
