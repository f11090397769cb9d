package com.twofactor.aws.flow;

import static org.assertj.core.api.Assertions.assertThat;

import com.twofactor.aws.keys.TableBranchKeys;
import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.core.model.ActiveTotp;
import com.twofactor.core.model.Method;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.EncryptionContext;
import com.twofactor.core.port.EncryptionContext.Purpose;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.core.service.VerificationService;
import com.twofactor.core.totp.Totp;
import com.twofactor.testkit.MutableClock;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: over a thousand TOTP verifies on one instance, KMS is called at most once (the branch
 * key's Decrypt), and each verify costs exactly its read and its conditional write. The clock is
 * held still, so the thousand verifies fall within the branch key's ten minutes whatever the
 * machine's speed.
 */
@Tag("dynalite")
class KmsOffTheLoginPathTest {
  private static final int USERS = 334;
  private static final Totp TOTP = new Totp();

  @Test
  void aThousandTotpVerifiesOnOneInstance_costOneKmsDecryptInAll() {
    try (AwsTestContext aws = new AwsTestContext(Map.of("test.aws-clock", "mutable"))) {
      Instant now = aws.bean(MutableClock.class).instant();
      SecretCipher cipher = aws.bean(SecretCipher.class);
      TwoFactorStore store = aws.bean(TwoFactorStore.class);
      SecureRandom random = new SecureRandom();
      byte[][] secrets = new byte[USERS][];
      for (int u = 0; u < USERS; u++) {
        secrets[u] = new byte[Totp.SECRET_BYTES];
        random.nextBytes(secrets[u]);
        String userId = "many-" + u;
        store.save(
            UserTwoFactor.empty(userId).toBuilder()
                .totp(
                    new ActiveTotp(
                        cipher.encrypt(
                            secrets[u], EncryptionContext.of(userId, Purpose.TOTP_SECRET)),
                        now,
                        0))
                .build());
      }
      // As on a new (or just restored) instance: the branch key exists but is not open here.
      aws.bean(TableBranchKeys.class).forget();
      aws.calls.reset();

      VerificationService verification = aws.bean(VerificationService.class);
      int verifies = 0;
      for (int u = 0; u < USERS; u++) {
        // The three codes the window accepts now, oldest first: each is a fresh step.
        for (int offset = -30; offset <= 30; offset += 30) {
          verification.verify(
              "many-" + u,
              "many-" + u,
              Method.TOTP,
              TOTP.codeAt(secrets[u], now.plusSeconds(offset)));
          verifies++;
        }
      }

      assertThat(verifies).isGreaterThanOrEqualTo(1_000);
      assertThat(aws.calls.calls().stream().filter(call -> call.startsWith("Kms.")))
          .containsExactly("Kms.Decrypt");
      assertThat(aws.calls.calls().stream().filter(call -> call.equals("DynamoDb.GetItem")))
          .hasSize(verifies + 1);
      assertThat(aws.calls.calls().stream().filter(call -> call.equals("DynamoDb.PutItem")))
          .hasSize(verifies);
    }
  }
}
