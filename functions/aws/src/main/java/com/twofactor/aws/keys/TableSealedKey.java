package com.twofactor.aws.keys;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

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
 * the winner's. Any holder of a named key (this one serves the SMS number digests; a later branch
 * key can be another instance) works the same way.
 *
 * <p>Thread-safe: the first fetch is serialized, later calls read a published field.
 */
public final class TableSealedKey implements Supplier<SecretKey> {
  private static final int KEY_BYTES = 32;
  private static final String SORT_KEY = "KEY";

  private final DynamoDbClient dynamoDb;
  private final KmsClient kms;
  private final String tableName;
  private final String kmsKeyId;
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
      KmsClient kms,
      String tableName,
      String kmsKeyId,
      String name,
      String algorithm,
      SecureRandom random,
      Clock clock) {
    this.dynamoDb = dynamoDb;
    this.kms = kms;
    this.tableName = tableName;
    this.kmsKeyId = kmsKeyId;
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
      if (storedFirst(seal(material))) {
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

  private Map<String, AttributeValue> itemKey() {
    return Map.of("pk", AttributeValue.fromS("KEY#" + name), "sk", AttributeValue.fromS(SORT_KEY));
  }

  private Map<String, String> context() {
    return Map.of("purpose", name);
  }

  private SdkBytes readSealed() {
    try {
      Map<String, AttributeValue> item =
          dynamoDb.getItem(r -> r.tableName(tableName).key(itemKey()).consistentRead(true)).item();
      return item == null || !item.containsKey("sealed") ? null : item.get("sealed").b();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  /** Stores the sealed key unless one exists; false when another instance stored one first. */
  private boolean storedFirst(SdkBytes sealed) {
    Map<String, AttributeValue> item = new HashMap<>(itemKey());
    item.put("sealed", AttributeValue.fromB(sealed));
    item.put("createdAt", AttributeValue.fromS(clock.instant().toString()));
    try {
      dynamoDb.putItem(
          r -> r.tableName(tableName).item(item).conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException anotherInstanceWasFirst) {
      return false;
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
  }

  private SdkBytes seal(byte[] material) {
    try {
      return kms.encrypt(
              r ->
                  r.keyId(kmsKeyId)
                      .plaintext(SdkBytes.fromByteArray(material))
                      .encryptionContext(context()))
          .ciphertextBlob();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Encrypt", e);
    }
  }

  private SecretKey open(SdkBytes sealed) {
    byte[] material;
    try {
      material =
          kms.decrypt(r -> r.keyId(kmsKeyId).ciphertextBlob(sealed).encryptionContext(context()))
              .plaintext()
              .asByteArray();
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw new SecretIntegrityException(e);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Decrypt", e);
    }
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
