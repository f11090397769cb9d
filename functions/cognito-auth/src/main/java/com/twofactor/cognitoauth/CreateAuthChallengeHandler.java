package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.twofactor.aws.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.BeanProvider;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** The CreateAuthChallenge trigger: maps the event to {@link CognitoChallengeFlow#create}. */
public class CreateAuthChallengeHandler
    extends MicronautRequestHandler<
        CognitoUserPoolCreateAuthChallengeEvent, CognitoUserPoolCreateAuthChallengeEvent> {
  // A provider: the flow and its clients are built by the first event, not at start.
  @Inject BeanProvider<CognitoChallengeFlow> flow;

  /** For Lambda. */
  public CreateAuthChallengeHandler() {}

  /** For tests and the dev server, on their own context. */
  public CreateAuthChallengeHandler(ApplicationContext context) {
    super(context);
  }

  /** On Lambda: singletons built on first use (see {@link LambdaContexts}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public CognitoUserPoolCreateAuthChallengeEvent execute(
      CognitoUserPoolCreateAuthChallengeEvent event) {
    return flow.get().create(event);
  }
}
