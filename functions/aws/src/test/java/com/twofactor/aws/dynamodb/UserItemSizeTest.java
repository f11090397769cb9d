package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.testing.OnEmulatedAws;
import com.twofactor.core.model.Method;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.Proof;
import com.twofactor.core.service.SmsEnrollmentService;
import com.twofactor.core.service.SmsSignInService;
import com.twofactor.core.service.TotpEnrollmentService;
import com.twofactor.core.totp.Base32;
import com.twofactor.core.totp.Totp;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The cost table of README counts one read unit per read (items up to 4 KB) and one write unit per
 * write of an item up to 1 KB by DynamoDB's item-size rules: a user with one factor and ten backup
 * codes (all sealed under the branch key) fits; a user with both factors takes two.
 */
@Tag("dynalite")
class UserItemSizeTest extends OnEmulatedAws {

  private Map<String, AttributeValue> storedItem(String userId) {
    return aws.storedItem("USER#" + userId, "STATE");
  }

  private byte[] enrollTotp(String userId) {
    TotpEnrollmentService totp = aws.bean(TotpEnrollmentService.class);
    byte[] secret = Base32.decode(totp.start(userId, userId + "@example.com").secret());
    totp.confirm(userId, new Totp().codeAt(secret, Instant.now()));
    return secret;
  }

  private void enrollSms(String userId, String phone, Optional<Proof> proof) {
    SmsEnrollmentService sms = aws.bean(SmsEnrollmentService.class);
    sms.start(userId, phone, proof);
    sms.confirm(userId, aws.sns.lastCodeTo(phone));
  }

  private int measured(String userId) {
    int bytes = itemBytes(storedItem(userId));
    // Quoted in README's cost table.
    System.out.println("UserItemSizeTest: " + userId + " is " + bytes + " bytes");
    return bytes;
  }

  @Test
  void aTotpUserWithTenBackupCodes_fitsInOneWriteUnit() {
    enrollTotp("size-totp");

    assertThat(measured("size-totp")).isLessThanOrEqualTo(1024);
  }

  @Test
  void anSmsUserWithTenBackupCodes_fitsInOneWriteUnit() {
    enrollSms("size-sms", "+12015550198", Optional.empty());

    assertThat(measured("size-sms")).isLessThanOrEqualTo(1024);
  }

  /** While a texted code is outstanding the item passes 1 KB: that write costs two units. */
  @Test
  void anSmsUserWithACodeOutstanding_fitsInTwoWriteUnits() {
    enrollSms("size-sms-code", "+12015550197", Optional.empty());
    TwoFactorStore store = aws.bean(TwoFactorStore.class);
    store.save(store.load("size-sms-code").toBuilder().smsSentAt(List.of()).build());
    aws.bean(SmsSignInService.class).sendSignInCode("size-sms-code", "size-sms-code");

    assertThat(measured("size-sms-code")).isBetween(1025, 2048);
  }

  /** With both factors the item passes 1 KB: its writes cost two units (README says so). */
  @Test
  void aUserWithBothFactors_fitsInTwoWriteUnits() {
    byte[] secret = enrollTotp("size-both");
    enrollSms(
        "size-both",
        "+12015550199",
        Optional.of(
            new Proof(Method.TOTP, new Totp().codeAt(secret, Instant.now().plusSeconds(30)))));

    assertThat(measured("size-both")).isBetween(1025, 2048);
  }

  /** DynamoDB's item size: attribute names plus values, lists and maps with their overhead. */
  static int itemBytes(Map<String, AttributeValue> item) {
    int size = 0;
    for (var entry : item.entrySet()) {
      size += entry.getKey().getBytes(StandardCharsets.UTF_8).length + valueBytes(entry.getValue());
    }
    return size;
  }

  private static int valueBytes(AttributeValue value) {
    if (value.s() != null) {
      return value.s().getBytes(StandardCharsets.UTF_8).length;
    }
    if (value.n() != null) {
      return value.n().replace("-", "").replace(".", "").length() / 2 + 1;
    }
    if (value.b() != null) {
      return value.b().asByteArray().length;
    }
    if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
      return 1;
    }
    if (value.hasL()) {
      return 3 + value.l().stream().mapToInt(v -> 1 + valueBytes(v)).sum();
    }
    if (value.hasM()) {
      return 3
          + value.m().entrySet().stream()
              .mapToInt(
                  e ->
                      1
                          + e.getKey().getBytes(StandardCharsets.UTF_8).length
                          + valueBytes(e.getValue()))
              .sum();
    }
    if (value.hasSs()) {
      return value.ss().stream().mapToInt(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }
    return 0;
  }
}
