/**
 * How the functions meet Lambda's runtime per invocation: what Micronaut's Lambda support would
 * otherwise do on every request and these functions do not need.
 */
package com.twofactor.aws.lambda;
