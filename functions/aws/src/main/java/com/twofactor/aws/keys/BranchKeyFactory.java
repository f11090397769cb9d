package com.twofactor.aws.keys;

import com.twofactor.aws.config.AwsConfiguration;
import com.twofactor.aws.kms.KmsSecretCipher;
import com.twofactor.aws.snapstart.PrimingScope;
import com.twofactor.core.crypto.BranchKeySecretCipher;
import com.twofactor.core.port.BranchKeys;
import com.twofactor.core.port.SecretCipher;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The {@link SecretCipher} on AWS: per-user secrets sealed with AES-256-GCM under keys derived from
 * the deployment's branch key ({@link TableBranchKeys}, KMS-sealed in the table), so the login path
 * calls KMS at most once per instance per ten minutes. Secrets sealed directly with KMS by earlier
 * versions still open through {@link KmsSecretCipher} (one {@code Decrypt} each) and are sealed
 * anew on their record's next write. The KMS client is resolved at the first KMS call: the requests
 * of a function whose role is denied KMS never build it (only a SnapStart snapshot's hook, which
 * builds every singleton, does).
 */
// Only where the function declares the KMS client (aws declares it optional).
@Requires(classes = KmsClient.class)
@Factory
public class BranchKeyFactory {

  @Singleton
  TableBranchKeys branchKeys(
      DynamoDbClient dynamoDb,
      BeanProvider<KmsClient> kms,
      AwsConfiguration config,
      SecureRandom random,
      Clock clock,
      PrimingScope priming) {
    return new TableBranchKeys(
        dynamoDb, kms::get, config.getTableName(), config.getKmsKeyId(), random, clock, priming);
  }

  @Singleton
  SecretCipher secretCipher(
      BranchKeys branchKeys,
      BeanProvider<KmsClient> kms,
      AwsConfiguration config,
      SecureRandom random) {
    return new BranchKeySecretCipher(branchKeys, random, new KmsSecretCipher(kms::get, config));
  }
}
