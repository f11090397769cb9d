package com.twofactor.core.service;

import com.twofactor.core.TwoFactorException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.AuditEvent;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The shared ending of a wrong code: count it, lock when due, audit, refuse. */
final class Verifications {
  private Verifications() {}

  static <R> Decision<R> refuseWrongCode(
      LockoutPolicy lockout,
      UserTwoFactor state,
      Instant now,
      String actor,
      String action,
      Map<String, String> details) {
    UserTwoFactor next = lockout.afterFailure(state, now);
    AuditEvent failed =
        new AuditEvent(now, actor, action, state.userId(), AuditEvent.Outcome.FAILURE, details);
    if (next.isLockedAt(now)) {
      Map<String, String> lockDetails = new HashMap<>(details);
      lockDetails.put("lockedUntil", next.lockedUntil().toString());
      AuditEvent locked =
          new AuditEvent(
              now,
              actor,
              "verification.locked",
              state.userId(),
              AuditEvent.Outcome.SUCCESS,
              lockDetails);
      return Decision.refuse(
          next,
          TwoFactorException.tooManyAttempts(LockoutPolicy.retryAfter(next.lockedUntil(), now)),
          failed,
          locked);
    }
    return Decision.refuse(next, TwoFactorException.invalidCode(), failed);
  }
}
