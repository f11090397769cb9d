package com.twofactor.lambdaenv;

import java.net.URI;

/**
 * Where the emulated AWS services listen (dynalite, or a proxy in front of it; the in-memory KMS,
 * SNS and EventBridge servers), and how a template.yaml function is started against them: its jar,
 * handler, memory and {@code JAVA_TOOL_OPTIONS} from the template, the variables the template's
 * Globals and the function itself set (with the given table), and the endpoints as the only
 * settings Lambda does not have. Shared by the Lambda-environment tests and the benchmark (module
 * {@code bench}), so both run the functions the same way. Immutable.
 */
public record EmulatedAws(URI dynamodb, URI kms, URI sns, URI eventBridge) {
  public static final String REGION = "us-east-1";

  /**
   * A process for template function {@code logicalId} on {@code table}; the caller adds the
   * runtime's credentials environment, its name and work directory.
   */
  public LambdaProcess.Builder function(SamFunctions template, String logicalId, String table) {
    SamFunctions.Function function = template.function(logicalId);
    return LambdaProcess.builder(function.jar(), function.handler())
        .region(REGION)
        .memoryMb(function.memoryMb())
        .javaToolOptions(template.javaToolOptions())
        // What template.yaml's Globals set, with this run's table and key.
        .env("TWO_FACTOR_TABLE", table)
        .env("TWO_FACTOR_KMS_KEY_ID", "alias/two-factor-lambda-env")
        .env("TWO_FACTOR_ISSUER", "Two-Factor")
        .env("TWO_FACTOR_SMS_ALLOWED_COUNTRIES", "US,CA,GB,DE,FR")
        .env("TWO_FACTOR_SMS_MAX_PRICE", "0.10")
        // What the security-events function's own Environment sets with !Ref.
        .env("TWO_FACTOR_EVENT_BUS", "two-factor-lambda-env-security")
        // What the function's own Environment sets to a plain value.
        .env(function.variables())
        // The only settings Lambda does not have: where the emulators listen.
        .systemProperty("two-factor.aws.dynamodb-endpoint", dynamodb.toString())
        .systemProperty("two-factor.aws.kms-endpoint", kms.toString())
        .systemProperty("two-factor.aws.sns-endpoint", sns.toString())
        .systemProperty("two-factor.events.endpoint", eventBridge.toString());
  }
}
