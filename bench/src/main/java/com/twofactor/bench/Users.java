package com.twofactor.bench;

import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import com.twofactor.lambdaenv.LambdaProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The run's users, enrolled with an authenticator app through the enrollment function itself (a
 * set-up process, never a measured one), so every measured invoke finds the state today's code
 * writes, whatever its schema. Not thread-safe.
 */
final class Users {
  /**
   * A code is accepted one step either side and each step once: set-up confirms with the previous
   * step's code, so the measured TOTP verify (this step) and the Cognito verify (next step) both
   * still find an unused step, whatever the clock does in between.
   */
  static final Duration PREVIOUS_STEP = Totp.TIME_STEP.negated();

  static final Duration NEXT_STEP = Totp.TIME_STEP;

  /** How close to a step's end a confirm waits for the next step. */
  private static final Duration SAFETY = Duration.ofSeconds(5);

  /** One user: Cognito sub, email, the TOTP secret (base32) and the first backup codes. */
  record User(String sub, String email, String secret, List<String> backupCodes) {
    /** This user's authenticator code at now plus {@code offset}. */
    String totp(Duration offset) {
      return new Totp().codeAt(Base32.decode(secret), Instant.now().plus(offset));
    }
  }

  private Users() {}

  /**
   * {@code count} users with TOTP active and backup codes, through {@code enrollment}. Not
   * thread-safe per process; separate processes may enrol at once.
   */
  static List<User> enroll(LambdaProcess enrollment, Events events, int count) {
    List<User> users = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String sub = UUID.randomUUID().toString();
      User pending = new User(sub, "bench-" + sub + "@example.com", null, List.of());
      String secret =
          (String)
              Events.expect(
                      200,
                      enrollment.invoke(events.api("enrollment/start-totp.json", pending, null)))
                  .json()
                  .get("secret");
      User withSecret = new User(pending.sub(), pending.email(), secret, List.of());
      awaitEarlyInStep();
      String code = withSecret.totp(PREVIOUS_STEP);
      List<String> backupCodes =
          Events.expect(
                  200,
                  enrollment.invoke(
                      events.api(
                          "enrollment/confirm-totp.json",
                          withSecret,
                          "{\"code\":\"" + code + "\"}")))
              .strings("backupCodes", "codes");
      users.add(new User(pending.sub(), pending.email(), secret, List.copyOf(backupCodes)));
    }
    return users;
  }

  /**
   * The previous step's code is accepted only until this step ends: a confirm sent in a step's last
   * seconds waits for the next step, so a slow invoke on a busy machine cannot outlive it.
   */
  private static void awaitEarlyInStep() {
    long stepMillis = Totp.TIME_STEP.toMillis();
    long into = System.currentTimeMillis() % stepMillis;
    if (into > stepMillis - SAFETY.toMillis()) {
      try {
        Thread.sleep(stepMillis - into + 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
