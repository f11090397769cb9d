package com.twofactor.cognitoauth;

import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolCreateAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolDefineAuthChallengeEvent;
import com.amazonaws.services.lambda.runtime.events.CognitoUserPoolVerifyAuthChallengeResponseEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The three trigger handlers that template.yaml names, on one in-memory context, and the event
 * files of {@code events/cognito-auth/} read with the Lambda runtime's own serialization.
 */
final class CognitoTriggers implements AutoCloseable {
  final ApplicationContext context =
      ApplicationContext.builder().properties(Map.of("two-factor.ports", "in-memory")).start();
  final DefineAuthChallengeHandler define = new DefineAuthChallengeHandler(context);
  final CreateAuthChallengeHandler create = new CreateAuthChallengeHandler(context);
  final VerifyAuthChallengeHandler verify = new VerifyAuthChallengeHandler(context);

  static <T> T event(String file, Class<T> type) {
    Path path = Path.of(System.getProperty("events.dir"), "cognito-auth", file);
    try (var in = Files.newInputStream(path)) {
      return LambdaEventSerializers.serializerFor(type, CognitoTriggers.class.getClassLoader())
          .fromJson(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  CognitoUserPoolDefineAuthChallengeEvent define(CognitoUserPoolDefineAuthChallengeEvent event) {
    return define.handleRequest(event, new TestLambdaContext());
  }

  CognitoUserPoolCreateAuthChallengeEvent create(CognitoUserPoolCreateAuthChallengeEvent event) {
    return create.handleRequest(event, new TestLambdaContext());
  }

  CognitoUserPoolVerifyAuthChallengeResponseEvent verify(
      CognitoUserPoolVerifyAuthChallengeResponseEvent event) {
    return verify.handleRequest(event, new TestLambdaContext());
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  @Override
  public void close() {
    context.close();
  }
}
