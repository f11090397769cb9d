/**
 * Ports, named for what the domain needs: storing user states, orgs and per-number send logs,
 * sealing secrets, sending texts, digesting phone numbers, recording audit events. Adapters live in
 * the {@code aws} module (and in-memory fakes for tests and the dev server); each port's Javadoc
 * states its contract.
 */
package com.twofactor.core.port;
