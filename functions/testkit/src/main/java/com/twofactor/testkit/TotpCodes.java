package com.twofactor.testkit;

import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** What an authenticator app would show for a secret, for tests and local tools. */
public final class TotpCodes {
  private static final Totp TOTP = new Totp();

  private TotpCodes() {}

  /** The code of the step containing {@code at}. */
  public static String at(byte[] secret, Instant at) {
    return TOTP.codeAt(secret, at);
  }

  /** The code of the step after the one containing {@code at}: accepted at {@code at}, once. */
  public static String nextAfter(byte[] secret, Instant at) {
    return TOTP.codeAt(secret, at.plusSeconds(30));
  }

  /** A well-formed code that no step within two of {@code at} produces: always wrong there. */
  public static String wrongAt(byte[] secret, Instant at) {
    Set<String> near = new HashSet<>();
    for (int offset = -2; offset <= 2; offset++) {
      near.add(TOTP.codeAt(secret, at.plusSeconds(30L * offset)));
    }
    int candidate = 0;
    while (near.contains(String.format("%06d", candidate))) {
      candidate++;
    }
    return String.format("%06d", candidate);
  }
}
