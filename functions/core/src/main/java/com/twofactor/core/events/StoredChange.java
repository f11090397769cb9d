package com.twofactor.core.events;

import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.org.Org;

/**
 * One write to the store, as its change feed reports it: the item before (null when created) and
 * after (null when deleted), decoded into domain types. The DynamoDB stream and the in-memory
 * stores both produce these, so one mapping serves production and the dev server.
 */
public sealed interface StoredChange {

  /** A user's two-factor state changed. */
  record UserChange(UserTwoFactor before, UserTwoFactor after) implements StoredChange {}

  /** An org's settings or owners changed. */
  record OrgChange(Org before, Org after) implements StoredChange {}
}
