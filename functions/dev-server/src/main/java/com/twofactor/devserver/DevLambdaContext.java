package com.twofactor.devserver;

import com.twofactor.testkit.LocalLambdaContext;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Lambda context a handler sees when the dev server invokes it in-process. */
final class DevLambdaContext extends LocalLambdaContext {
  private static final Logger LOG = LoggerFactory.getLogger("dev-invoke");

  private final String functionId;
  private final String requestId = UUID.randomUUID().toString();

  DevLambdaContext(String functionId) {
    this.functionId = functionId;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/dev-server/" + functionId;
  }

  @Override
  public String getLogStreamName() {
    return requestId;
  }

  @Override
  public String getFunctionName() {
    return functionId;
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:local:000000000000:function:" + functionId;
  }

  @Override
  protected void log(String message) {
    LOG.info(message);
  }
}
