package com.twofactor.aws.keys;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.core.port.PhoneNumberDigest;
import com.twofactor.core.sms.HmacPhoneNumberDigest;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The {@link PhoneNumberDigest} of the per-number SMS limits on AWS: HMAC-SHA256 under the
 * deployment's {@code sms-number-key}, kept KMS-sealed in the table and opened once per instance.
 *
 * <p>Thread-safe: a factory that keeps no state; the key holder it makes is thread-safe.
 */
// Only where the function declares the KMS client (aws declares it optional).
@Requires(classes = KmsClient.class)
@Factory
public class SmsNumberDigestFactory {
  /** The key's name, and the {@code purpose} of its KMS encryption context. */
  public static final String KEY_NAME = "sms-number-key";

  @Singleton
  PhoneNumberDigest smsNumberDigest(
      DynamoDbClient dynamoDb,
      BeanProvider<KmsClient> kms,
      AwsConfiguration config,
      SecureRandom random,
      Clock clock) {
    return new HmacPhoneNumberDigest(
        new TableSealedKey(
            dynamoDb,
            kms::get,
            config.getTableName(),
            config.getKmsKeyId(),
            KEY_NAME,
            "HmacSHA256",
            random,
            clock));
  }
}
