/**
 * The dev server's local Cognito user pool: the part of Cognito's JSON protocol the login page
 * needs (sign-up, SRP sign-in with the template's custom-auth triggers, tokens), so a page using
 * AWS's client library signs in against {@code java -jar} as against a real pool. Development only;
 * no Lambda function contains it.
 */
package com.twofactor.devserver.cognito;
