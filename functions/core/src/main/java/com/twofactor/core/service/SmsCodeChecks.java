package com.twofactor.core.service;

import com.twofactor.core.model.SmsCode;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.sms.SmsCodes;
import java.time.Instant;

/** Checking the outstanding SMS code of a state, shared by phone confirmation and sign-in. */
final class SmsCodeChecks {
  private SmsCodeChecks() {}

  /** True when the state holds a live code for {@code purpose}, with tries left, equal to code. */
  static boolean matches(
      UserTwoFactor state, SmsCode.Purpose purpose, String code, Instant now, SmsPolicy policy) {
    return state
        .liveSmsCode(purpose, now)
        .filter(c -> c.attempts() < policy.maxAttempts())
        .map(c -> SmsCodes.matches(c, code))
        .orElse(false);
  }

  /** The state after a wrong try: the code's count goes up, and the code dies at the limit. */
  static UserTwoFactor afterWrongTry(UserTwoFactor state, SmsPolicy policy) {
    SmsCode code = state.smsCode();
    if (code == null) {
      return state;
    }
    int attempts = code.attempts() + 1;
    return state.toBuilder()
        .smsCode(attempts >= policy.maxAttempts() ? null : code.withAttempts(attempts))
        .build();
  }
}
