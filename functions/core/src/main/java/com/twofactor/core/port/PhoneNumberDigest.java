package com.twofactor.core.port;

/**
 * Names a phone number for counting sends to it without storing the number: a keyed one-way digest
 * (HMAC) under a per-deployment secret key, so the table alone neither reveals the number nor lets
 * anyone confirm a guessed one. The same number always gets the same name within a deployment.
 *
 * <p>Implementations are thread-safe. Fetching the key may fail with {@code
 * DependencyUnavailableException}.
 */
public interface PhoneNumberDigest {

  /** The digest of an E.164 number (as {@code +14155550123}), in a form fit for a store key. */
  String digest(String e164);
}
