package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** The CreateAuthChallenge trigger: maps the event to {@link CognitoChallengeFlow#create}. */
public class CreateAuthChallengeHandler
    extends MicronautRequestHandler<
        CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
  @Inject CognitoChallengeFlow flow;

  /** For Lambda. */
  public CreateAuthChallengeHandler() {}

  /** For tests and the dev server, on their own context. */
  public CreateAuthChallengeHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public CognitoUserPoolCreateAuthChallengeEvent execute(
      CognitoUserPoolCreateAuthChallengeEvent event) {
    return flow.create(event);
  }
}
