/**
 * The use cases: set-up, verification, backup codes, disable, admin reset, status and orgs. Every
 * change of stored state goes through one read-decide-conditional-write loop ({@code StateUpdates}
 * with a sealed {@code Decision}), and the rules it enforces are those of docs/security-rules.md.
 * Public services are what the HTTP edge and the Cognito triggers call; the rest is
 * package-private.
 */
package com.twofactor.core.service;
