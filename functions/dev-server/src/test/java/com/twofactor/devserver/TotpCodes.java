package com.twofactor.devserver;

import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** What an authenticator app would show, computed from the secret the API returned. */
final class TotpCodes {
  private static final Totp TOTP = new Totp();

  private TotpCodes() {}

  static String now(String base32Secret) {
    return TOTP.codeAt(Base32.decode(base32Secret), Instant.now());
  }

  /** The next step's code: the ±1-step window accepts it now, and it was not used yet. */
  static String next(String base32Secret) {
    return TOTP.codeAt(Base32.decode(base32Secret), Instant.now().plusSeconds(30));
  }

  /** A well-formed code that no step near now produces. */
  static String wrong(String base32Secret) {
    Set<String> near = new HashSet<>();
    for (int offset = -2; offset <= 2; offset++) {
      near.add(TOTP.codeAt(Base32.decode(base32Secret), Instant.now().plusSeconds(30L * offset)));
    }
    int candidate = 0;
    while (near.contains(String.format("%06d", candidate))) {
      candidate++;
    }
    return String.format("%06d", candidate);
  }
}
