package com.twofactor.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.twofactor.core.InvalidRequestException;
import com.twofactor.core.InvalidRequestException.FieldError;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("unit")
class FieldChecksTest {

  @Test
  void aBodyWithinTheContract_passes() {
    assertThatCode(() -> FieldChecks.valid(new VerifyRequest("totp", "123456")))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                FieldChecks.valid(
                    new DisableRequest(new ProofRequest("backup_code", "abcd-efgh"), null)))
        .doesNotThrowAnyException();
  }

  @Test
  void noBody_wherePermitted_passes() {
    assertThatCode(() -> FieldChecks.valid(null)).doesNotThrowAnyException();
    assertThatCode(() -> FieldChecks.valid(new TotpSetupRequest(null))).doesNotThrowAnyException();
  }

  @Test
  void everyOffendingField_isNamedOnce_sortedByName_withTheContractsMessage() {
    List<FieldError> errors = errors(new VerifyRequest("email", " "));

    assertThat(errors)
        .containsExactly(
            new FieldError("code", "must not be blank"),
            new FieldError("method", "must be totp or sms"));
  }

  @Test
  void aMissingMethod_isBlank_notAnUnknownMethod() {
    assertThat(errors(new ProofOnlyRequest(new ProofRequest(null, "123456"))))
        .containsExactly(new FieldError("method", "must not be blank"));
  }

  @Test
  void textOverItsLimit_isRefusedWithTheLimit_andTheValueIsNotEchoed() {
    String code = "9".repeat(FieldChecks.MAX_CODE + 1);

    List<FieldError> errors = errors(new CodeRequest(code));

    assertThat(errors).containsExactly(new FieldError("code", "size must be between 0 and 32"));
    assertThat(errors.get(0).message()).doesNotContain(code);
  }

  @Test
  void aRequiredNestedProof_mustBePresent_andIsCheckedUnderItsOwnFieldNames() {
    assertThat(errors(new DisableRequest(null, null)))
        .containsExactly(new FieldError("verification", "must not be null"));
    assertThat(errors(new DisableRequest(new ProofRequest("sms", ""), "email")))
        .containsExactly(
            new FieldError("code", "must not be blank"),
            new FieldError("method", "must be totp or sms"));
  }

  @Test
  void numbers_outsideTheirRange_areRefused_absentOnesPass() {
    assertThat(errors(new OrgRequests.SetRequirement(true, -1)))
        .containsExactly(new FieldError("gracePeriodHours", "must be greater than or equal to 0"));
    assertThat(errors(new OrgRequests.SetRequirement(true, 2161)))
        .containsExactly(new FieldError("gracePeriodHours", "must be less than or equal to 2160"));
    assertThat(errors(new OrgRequests.SetRequirement(null, null)))
        .containsExactly(new FieldError("required", "must not be null"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "a b", "x/y", "../admin", "é"})
  void pathIds_outsideTheIdAlphabet_areRefused(String id) {
    InvalidRequestException e =
        catchThrowableOfType(
            InvalidRequestException.class,
            () -> FieldChecks.start().id("orgId", "acme").userId(id).orThrow());

    assertThat(e.errors()).containsExactly(new FieldError("userId", "is not a user id"));
  }

  @Test
  void pathIds_upTo128Characters_ofTheIdAlphabet_pass() {
    assertThatCode(
            () ->
                FieldChecks.start()
                    .id("orgId", "org_1.a@b:c+d-e")
                    .userId("u".repeat(128))
                    .orThrow())
        .doesNotThrowAnyException();
    assertThat(FieldChecks.isId("u".repeat(129))).isFalse();
  }

  private static List<FieldError> errors(CheckedBody body) {
    return catchThrowableOfType(InvalidRequestException.class, () -> FieldChecks.valid(body))
        .errors();
  }
}
