package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** The DefineAuthChallenge trigger: maps the event to {@link CognitoChallengeFlow#define}. */
public class DefineAuthChallengeHandler
    extends MicronautRequestHandler<
        CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
  @Inject CognitoChallengeFlow flow;

  /** For Lambda. */
  public DefineAuthChallengeHandler() {}

  /** For tests and the dev server, on their own context. */
  public DefineAuthChallengeHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public CognitoUserPoolDefineAuthChallengeEvent execute(
      CognitoUserPoolDefineAuthChallengeEvent event) {
    return flow.define(event);
  }
}
