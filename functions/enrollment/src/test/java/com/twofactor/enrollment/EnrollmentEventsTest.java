package com.twofactor.enrollment;

import static java.util.Map.entry;

import com.twofactor.aws.testing.ApiEventsContract;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import com.twofactor.testkit.InMemorySmsOutbox;
import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class EnrollmentEventsTest extends ApiEventsContract {
  /** The {@code sub} of every event file. */
  private static final String USER = "0f4b7c1e-5d2a-4c8e-9a61-3b2f1e0d9c87";

  @Override
  protected String function() {
    return "enrollment";
  }

  @Override
  protected Map<String, Expected> expectedAnswers() {
    return Map.ofEntries(
        entry("preflight-allowed-origin.json", answer(200)),
        entry("preflight-other-origin.json", problem(405, "not_found")),
        entry("get-status-allowed-origin.json", answer(200)),
        entry("get-status-other-origin.json", answer(200)),
        entry(
            "get-status-without-authorizer-claims-allowed-origin.json",
            problem(401, "unauthenticated")),
        entry("get-status.json", answer(200)),
        entry("get-status-without-authorizer-claims.json", problem(401, "unauthenticated")),
        entry("start-totp.json", answer(200)),
        entry("start-totp-long-email.json", answer(200)),
        // A proof given where none is needed is still checked: this user has no factor.
        entry("start-totp-with-verification.json", problem(400, "invalid_code")),
        entry(
            "start-totp-while-sms-active-without-verification.json",
            problem(400, "invalid_request")),
        entry("confirm-totp.json", problem(409, "no_pending_enrollment")),
        entry("confirm-totp-malformed-code.json", problem(400, "invalid_request")),
        entry("confirm-totp-missing-code.json", problem(400, "invalid_request")),
        entry("confirm-totp-malformed-json.json", problem(400, "invalid_request")),
        entry("start-sms.json", answer(200)),
        entry("start-sms-invalid-number.json", problem(400, "invalid_request")),
        entry("start-sms-too-short.json", problem(400, "invalid_request")),
        entry("start-sms-premium-rate.json", problem(400, "invalid_request")),
        entry("start-sms-disallowed-country.json", problem(400, "invalid_request")),
        entry("start-sms-not-e164.json", problem(400, "invalid_request")),
        entry("start-sms-replace-with-verification.json", problem(400, "invalid_code")),
        entry(
            "start-sms-while-totp-active-without-verification.json",
            problem(400, "invalid_request")),
        entry("confirm-sms.json", problem(409, "no_pending_enrollment")),
        entry("unknown-route.json", problem(404, "not_found")),
        entry("confirm-totp-base64-body.json", problem(409, "no_pending_enrollment")),
        entry("malformed-body-not-base64.json", problem(400, "invalid_request")),
        entry("malformed-body-not-base64-allowed-origin.json", problem(400, "invalid_request")),
        entry("malformed-missing-http-method.json", problem(400, "invalid_request")),
        entry("malformed-missing-path.json", problem(400, "invalid_request")),
        entry("malformed-path-broken-percent-escape.json", problem(400, "invalid_request")),
        entry("malformed-empty-content-type.json", problem(400, "invalid_request")),
        entry("malformed-sub-not-a-string.json", problem(401, "unauthenticated")),
        entry("malformed-sub-an-object.json", problem(401, "unauthenticated")),
        entry("malformed-sub-blank.json", problem(401, "unauthenticated")));
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
