package com.twofactor.aws.keys;

import com.twofactor.core.DependencyUnavailableException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A per-deployment 256-bit secret key kept in the service's table only as KMS ciphertext ({@code pk
 * = KEY#<name>}, {@code sk = KEY}), under the encryption context {@code {purpose: <name>}}; it is
 * never in the table or the environment in clear.
 *
 * <p>The key is fetched on first use and kept for the life of the instance: one {@code GetItem} and
 * one KMS {@code Decrypt} per instance. Nothing is fetched when the object is built, so SnapStart
 * priming (which never asks for it) cannot put the key into a snapshot shared by many instances.
 * The first instance of a deployment to need it draws it from {@link SecureRandom}, seals it and
 * stores it with a put that only succeeds if no key exists; an instance that loses that race reads
 * the winner's. This one serves the SMS number digests; the branch keys ({@link TableBranchKeys})
 * share its storage ({@link SealedKeyTable}) and add versions and expiry.
 *
 * <p>Thread-safe: the first fetch is serialized, later calls read a published field.
 */
public final class TableSealedKey implements Supplier<SecretKey> {
  private static final int KEY_BYTES = 32;

  private final SealedKeyTable table;
  private final String name;
  private final String algorithm;
  private final SecureRandom random;
  private final Clock clock;
  private volatile SecretKey key;

  /**
   * @param name the key's name, also its encryption-context purpose (such as {@code
   *     sms-number-key})
   * @param algorithm the JCA algorithm the key is for (such as {@code HmacSHA256})
   */
  public TableSealedKey(
      DynamoDbClient dynamoDb,
      Supplier<KmsClient> kms,
      String tableName,
      String kmsKeyId,
      String name,
      String algorithm,
      SecureRandom random,
      Clock clock) {
    this.table = new SealedKeyTable(dynamoDb, kms, tableName, kmsKeyId);
    this.name = name;
    this.algorithm = algorithm;
    this.random = random;
    this.clock = clock;
  }

  /**
   * The key, fetched (or, the first time in a deployment, made) on the first call.
   *
   * @throws DependencyUnavailableException when DynamoDB or KMS fails; the next call tries again
   */
  @Override
  public SecretKey get() {
    SecretKey known = key;
    if (known != null) {
      return known;
    }
    synchronized (this) {
      if (key == null) {
        key = fetchOrCreate();
      }
      return key;
    }
  }

  private SecretKey fetchOrCreate() {
    SdkBytes sealed = readSealed();
    if (sealed != null) {
      return open(sealed);
    }
    byte[] material = new byte[KEY_BYTES];
    random.nextBytes(material);
    try {
      Map<String, AttributeValue> item =
          Map.of(
              "sealed", AttributeValue.fromB(table.seal(material, context())),
              "createdAt", AttributeValue.fromS(clock.instant().toString()));
      if (table.write(name, item, "attribute_not_exists(pk)", Map.of(), Map.of())) {
        return new SecretKeySpec(material, algorithm);
      }
    } finally {
      Arrays.fill(material, (byte) 0);
    }
    SdkBytes theirs = readSealed();
    if (theirs == null) {
      throw new DependencyUnavailableException(
          "DynamoDB GetItem", new IllegalStateException("the key vanished after a lost race"));
    }
    return open(theirs);
  }

  private Map<String, String> context() {
    return Map.of("purpose", name);
  }

  private SdkBytes readSealed() {
    Map<String, AttributeValue> item = table.read(name);
    return item == null || !item.containsKey("sealed") ? null : item.get("sealed").b();
  }

  private SecretKey open(SdkBytes sealed) {
    byte[] material = table.open(sealed, context());
    try {
      return new SecretKeySpec(material, algorithm);
    } finally {
      Arrays.fill(material, (byte) 0);
    }
  }

  @Override
  public String toString() {
    return "TableSealedKey[" + name + "]";
  }
}
