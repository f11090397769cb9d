package com.twofactor.testkit;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda context a handler gets when it is invoked outside Lambda, by the tests and by the dev
 * server: what a 1 GB function with ten seconds left sees. Subclasses name the function and the
 * request and say where its log lines go. Immutable here; thread-safe if the subclass is.
 */
public abstract class LocalLambdaContext implements Context {

  /** Writes one line the handler logged through {@link #getLogger()}. */
  protected abstract void log(String message);

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return 10_000;
  }

  @Override
  public int getMemoryLimitInMB() {
    return 1024;
  }

  @Override
  public LambdaLogger getLogger() {
    return new LambdaLogger() {
      @Override
      public void log(String message) {
        LocalLambdaContext.this.log(message);
      }

      @Override
      public void log(byte[] message) {
        LocalLambdaContext.this.log(new String(message, StandardCharsets.UTF_8));
      }
    };
  }
}
