package com.twofactor.aws.flow;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.service.TotpSetup;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.time.Instant;

/** Helpers for flows on the Lambda wiring, which runs on the real clock. */
final class TotpOnAws {
  private static final Totp TOTP = new Totp();

  private TotpOnAws() {}

  /**
   * Sets up and confirms TOTP with the code of the current step; returns the secret. The next
   * usable code is therefore {@link #nextStepCode}, which the ±1-step window accepts now.
   */
  static byte[] enroll(AwsTestContext aws, String userId) {
    TotpEnrollmentService enrollment = aws.bean(TotpEnrollmentService.class);
    TotpSetup setup = enrollment.start(userId, userId);
    byte[] secret = Base32.decode(setup.secret());
    enrollment.confirm(userId, TOTP.codeAt(secret, Instant.now()));
    return secret;
  }

  static String nextStepCode(byte[] secret) {
    return TOTP.codeAt(secret, Instant.now().plusSeconds(30));
  }
}
