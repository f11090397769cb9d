/**
 * The API functions' Lambda edge: the handler template.yaml names ({@link
 * com.twofactor.aws.apigateway.ApiGatewayHandler}, on Micronaut's API Gateway proxy), the binders
 * that turn API Gateway's authorizer context into a caller (Cognito) or a trusted back end (IAM),
 * the optional-body filter (docs/security-rules.md rule 11) and the JSON priming before a SnapStart
 * snapshot. Module {@code apigateway}; the package keeps the name template.yaml's {@code Handler}
 * uses.
 */
package com.twofactor.aws.apigateway;
