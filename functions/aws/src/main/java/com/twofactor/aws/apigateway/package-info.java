/**
 * The API Gateway edge on Lambda: the handler every API function runs, the guard against events API
 * Gateway would not send, and the binders that take the caller from the Cognito authorizer's claims
 * or the IAM identity (docs/security-rules.md rule 11).
 */
package com.twofactor.aws.apigateway;
