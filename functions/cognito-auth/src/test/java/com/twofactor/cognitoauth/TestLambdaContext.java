package com.twofactor.cognitoauth;

import com.twofactor.testkit.LocalLambdaContext;

/**
 * The Lambda context a trigger gets in these tests: the API proxy's mock context is not on this
 * function's class path (it takes no HTTP). Immutable.
 */
final class TestLambdaContext extends LocalLambdaContext {

  @Override
  public String getAwsRequestId() {
    return "test-request";
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/cognito-auth";
  }

  @Override
  public String getLogStreamName() {
    return "test";
  }

  @Override
  public String getFunctionName() {
    return "cognito-auth";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:us-east-1:123456789012:function:cognito-auth";
  }

  @Override
  protected void log(String message) {
    System.out.print(message);
  }
}
