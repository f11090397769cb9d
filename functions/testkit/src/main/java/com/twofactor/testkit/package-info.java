/**
 * Test fakes of the domain's ports: in-memory user and org stores (with a change feed), an SMS
 * outbox, a per-number send log, in-memory branch keys, a local AES-GCM cipher (a stand-in for KMS
 * in tests), a recording audit log, a mutable clock and TOTP codes for tests. Module {@code
 * testkit}: used by tests and the dev server, never shipped in a function jar (lambda-env's {@code
 * FunctionJarsIT} fails the build if one is).
 */
package com.twofactor.testkit;
