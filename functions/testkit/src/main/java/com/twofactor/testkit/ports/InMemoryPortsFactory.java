package com.twofactor.testkit.ports;

import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.port.NumberSendLog;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.port.SecretCipher;
import com.twofactor.core.sms.HmacPhoneNumberDigest;
import com.twofactor.testkit.InMemoryBranchKeys;
import com.twofactor.testkit.InMemoryNumberSendLog;
import com.twofactor.testkit.InMemoryOrgStore;
import com.twofactor.testkit.InMemorySmsOutbox;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Primary;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * In-memory ports for the dev server and handler tests, switched on by {@code
 * two-factor.ports=in-memory}. They take precedence over the AWS adapters when both are present,
 * and nothing is kept once the process ends.
 */
@Factory
@Requires(property = "two-factor.ports", value = "in-memory")
// Never on Lambda, whatever the configuration says: the runtime sets AWS_LAMBDA_FUNCTION_NAME.
@Requires(missingProperty = "aws.lambda.function.name")
public class InMemoryPortsFactory {

  /** Also injectable as itself, so the dev server can follow its change feed. */
  @Singleton
  @Primary
  InMemoryTwoFactorStore inMemoryStore() {
    return new InMemoryTwoFactorStore();
  }

  /**
   * Its commits write the requirement marks into the user store, atomically with the org; also
   * injectable as itself, so the dev server can follow its change feed.
   */
  @Singleton
  @Primary
  InMemoryOrgStore inMemoryOrgStore(InMemoryTwoFactorStore users) {
    return new InMemoryOrgStore(users);
  }

  /** Also injectable as itself, so the dev server can list and print what was "sent". */
  @Singleton
  @Primary
  InMemorySmsOutbox smsOutbox(Clock clock) {
    return new InMemorySmsOutbox(clock);
  }

  /** Also injectable as its ports, so the dev server's rotation route turns the keys it uses. */
  @Singleton
  @Primary
  InMemoryBranchKeys inMemoryBranchKeys(SecureRandom random, Clock clock) {
    return new InMemoryBranchKeys(random, clock);
  }

  /**
   * The AWS functions' cipher over in-memory branch keys: the same sealing, HKDF and backup-code
   * pepper as deployed; no earlier scheme to read.
   */
  @Singleton
  @Primary
  SecretCipher branchKeyCipher(InMemoryBranchKeys branchKeys, SecureRandom random) {
    return new BranchKeySecretCipher(branchKeys, random, null);
  }

  @Singleton
  @Primary
  NumberSendLog inMemoryNumberSendLog() {
    return new InMemoryNumberSendLog();
  }

  /** Keyed with a random key of this process: digests mean nothing once it ends. */
  @Singleton
  @Primary
  PhoneNumberDigest randomKeyDigest(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    SecretKey secretKey = new SecretKeySpec(key, "HmacSHA256");
    return new HmacPhoneNumberDigest(() -> secretKey);
  }
}
