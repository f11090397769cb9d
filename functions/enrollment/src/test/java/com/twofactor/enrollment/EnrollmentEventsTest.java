package com.twofactor.enrollment;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.testing.InMemorySmsOutbox;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

class EnrollmentEventsTest extends ApiEventsContract {
  /** The {@code sub} of every event file. */
  private static final String USER = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  @Override
  protected String function() {
    return "enrollment";
  }

  @Override
  protected Map<String, Integer> expectedStatuses() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", 200),
        entry("preflight-other-origin.json", 405),
        entry("get-status-allowed-origin.json", 200),
        entry("get-status-other-origin.json", 200),
        entry("get-status-without-authorizer-claims-allowed-origin.json", 401),
        entry("get-status.json", 200),
        entry("get-status-without-authorizer-claims.json", 401),
        entry("start-totp.json", 200),
        entry("start-totp-long-email.json", 200),
        // A proof given where none is needed is still checked: this user has no factor.
        entry("start-totp-with-verification.json", 400),
        entry("start-totp-while-sms-active-without-verification.json", 400),
        entry("confirm-totp.json", 409),
        entry("confirm-totp-malformed-code.json", 400),
        entry("confirm-totp-missing-code.json", 400),
        entry("confirm-totp-malformed-json.json", 400),
        entry("start-sms.json", 200),
        entry("start-sms-invalid-number.json", 400),
        entry("start-sms-too-short.json", 400),
        entry("start-sms-premium-rate.json", 400),
        entry("start-sms-disallowed-country.json", 400),
        entry("start-sms-not-e164.json", 400),
        entry("start-sms-replace-with-verification.json", 400),
        entry("start-sms-while-totp-active-without-verification.json", 400),
        entry("confirm-sms.json", 409),
        entry("unknown-route.json", 404),
        entry("confirm-totp-base64-body.json", 409),
        entry("malformed-body-not-base64.json", 400),
        entry("malformed-body-not-base64-allowed-origin.json", 400),
        entry("malformed-missing-http-method.json", 400),
        entry("malformed-missing-path.json", 400),
        entry("malformed-path-broken-percent-escape.json", 400),
        entry("malformed-empty-content-type.json", 400),
        entry("malformed-sub-not-a-string.json", 401),
        entry("malformed-sub-an-object.json", 401),
        entry("malformed-sub-blank.json", 401));
  }

  @Override
  protected void given(String file, ApplicationContext context) {
    if (file.contains("while-sms-active")) {
      String phone = "+12015550177";
      context.getBean(SmsEnrollmentService.class).start(USER, phone, Optional.empty());
      context
          .getBean(SmsEnrollmentService.class)
          .confirm(USER, context.getBean(InMemorySmsOutbox.class).lastCodeTo(phone));
    } else if (file.contains("while-totp-active")) {
      TotpEnrollmentService totp = context.getBean(TotpEnrollmentService.class);
      byte[] secret = Base32.decode(totp.start(USER, USER).secret());
      totp.confirm(USER, new Totp().codeAt(secret, Instant.now()));
    }
  }
}
