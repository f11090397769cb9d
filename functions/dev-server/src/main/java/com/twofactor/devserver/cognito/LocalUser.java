package com.twofactor.devserver.cognito;

import java.math.BigInteger;
import java.util.Map;

/**
 * A user of the local pool. The password is kept only as its SRP verifier: {@code salt} and {@code
 * verifier} = g^x mod N. Immutable.
 *
 * @param username the user name, lower-cased (the pool is case-insensitive, as template.yaml's)
 * @param attributes the user's attributes, {@code sub} included
 */
public record LocalUser(
    String username, Map<String, String> attributes, BigInteger salt, BigInteger verifier) {
  public LocalUser {
    attributes = Map.copyOf(attributes);
  }

  public String sub() {
    return attributes.get("sub");
  }
}
