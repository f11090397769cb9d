package com.twofactor.aws.snapstart;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;

/**
 * Starts the {@link PrimingRun} in the background as soon as a function's context starts on Lambda
 * (the {@code lambda} environment the handlers' context builders set): the AWS clients, the first
 * marshalling and signing and the request path's classes are then ready, or nearly, when the first
 * event arrives, and the run overlaps the framework's start-up on Lambda's second core. Nothing
 * starts in tests or in the dev server, whose contexts are not in that environment, nor where
 * {@code two-factor.priming.at-init=false}. Thread-safe (no state).
 */
@Context
@Requires(env = "lambda")
@Requires(property = "two-factor.priming.at-init", notEquals = "false")
final class InitTimePriming {

  InitTimePriming(PrimingRun run) {
    run.startInBackground();
  }
}
