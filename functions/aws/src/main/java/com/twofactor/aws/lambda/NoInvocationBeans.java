package com.twofactor.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.function.aws.DefaultLambdaContextFactory;
import io.micronaut.function.aws.LambdaContextFactory;
import jakarta.inject.Singleton;

/**
 * Registers nothing per invocation. Micronaut's default makes each invocation's Lambda {@link
 * Context}, its logger, client context and Cognito identity singletons of the application context,
 * replacing the previous invocation's: nothing in these functions injects them (the request's
 * identity comes from the event), a stale identity would outlive its request as a bean, and each
 * registration walks the context's bean caches, about a seventh of a warm API request's time under
 * C1 (the benchmark's profile). The request id still reaches the log's MDC, which Micronaut fills
 * separately. Thread-safe (no state).
 */
@Singleton
@Replaces(DefaultLambdaContextFactory.class)
@Requires(classes = DefaultLambdaContextFactory.class)
final class NoInvocationBeans implements LambdaContextFactory {

  @Override
  public void registerSingletons(Context context) {
    // Deliberately nothing: see the class comment.
  }
}
