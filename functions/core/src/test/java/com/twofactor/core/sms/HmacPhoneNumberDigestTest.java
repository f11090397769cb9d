package com.twofactor.core.sms;

import static org.assertj.core.api.Assertions.assertThat;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("unit")
class HmacPhoneNumberDigestTest {
  private static SecretKey key(int fill) {
    byte[] bytes = new byte[32];
    java.util.Arrays.fill(bytes, (byte) fill);
    return new SecretKeySpec(bytes, "HmacSHA256");
  }

  @Test
  void digest_isStableForOneKeyAndDiffersUnderAnother() {
    SecretKey one = key(1);
    HmacPhoneNumberDigest digest = new HmacPhoneNumberDigest(() -> one);
    HmacPhoneNumberDigest other = new HmacPhoneNumberDigest(() -> key(2));

    assertThat(digest.digest("+12015550123")).isEqualTo(digest.digest("+12015550123"));
    assertThat(digest.digest("+12015550123")).isNotEqualTo(digest.digest("+12015550124"));
    assertThat(digest.digest("+12015550123")).isNotEqualTo(other.digest("+12015550123"));
  }

  @Test
  void digest_isRfc4231HmacSha256InBase64Url() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
    HmacPhoneNumberDigest digest =
        new HmacPhoneNumberDigest(() -> new SecretKeySpec("Jefe".getBytes(), "HmacSHA256"));

    assertThat(digest.digest("what do ya want for nothing?"))
        .isEqualTo("W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM");
  }

  @Test
  void theKeyIsNotFetchedUntilTheFirstDigest() {
    int[] fetched = new int[1];
    SecretKey one = key(1);
    HmacPhoneNumberDigest digest =
        new HmacPhoneNumberDigest(
            () -> {
              fetched[0]++;
              return one;
            });
    assertThat(fetched[0]).isZero();

    digest.digest("+12015550123");

    assertThat(fetched[0]).isEqualTo(1);
  }
}
