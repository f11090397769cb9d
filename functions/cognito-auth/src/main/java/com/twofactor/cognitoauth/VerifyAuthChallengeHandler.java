package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The VerifyAuthChallengeResponse trigger: maps the event to {@link CognitoChallengeFlow#verify}.
 */
public class VerifyAuthChallengeHandler
    extends MicronautRequestHandler<
        CognitoUserPoolVerifyAuthChallengeResponseEvent,
        CognitoUserPoolVerifyAuthChallengeResponseEvent> {
  @Inject CognitoChallengeFlow flow;

  /** For Lambda. */
  public VerifyAuthChallengeHandler() {}

  /** For tests and the dev server, on their own context. */
  public VerifyAuthChallengeHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public CognitoUserPoolVerifyAuthChallengeResponseEvent execute(
      CognitoUserPoolVerifyAuthChallengeResponseEvent event) {
    return flow.verify(event);
  }
}
