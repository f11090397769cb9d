package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.twofactor.aws.lambda.LambdaContexts;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.BeanProvider;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/** The DefineAuthChallenge trigger: maps the event to {@link CognitoChallengeFlow#define}. */
public class DefineAuthChallengeHandler
    extends MicronautRequestHandler<
        CognitoUserPoolDefineAuthChallengeEvent, CognitoUserPoolDefineAuthChallengeEvent> {
  // A provider: the flow and its clients are built by the first event, not at start.
  @Inject BeanProvider<CognitoChallengeFlow> flow;

  /** For Lambda. */
  public DefineAuthChallengeHandler() {}

  /** For tests and the dev server, on their own context. */
  public DefineAuthChallengeHandler(ApplicationContext context) {
    super(context);
  }

  /** On Lambda: singletons built on first use (see {@link LambdaContexts}). */
  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return LambdaContexts.builder();
  }

  @Override
  public CognitoUserPoolDefineAuthChallengeEvent execute(
      CognitoUserPoolDefineAuthChallengeEvent event) {
    return flow.get().define(event);
  }
}
