package com.twofactor.aws.keys;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.SecretIntegrityException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * The storage of the deployment's KMS-sealed keys: one item per named key ({@code pk = KEY#<name>},
 * {@code sk = KEY}) in the service's table, and KMS Encrypt/Decrypt of key material under an
 * encryption context. Shared by {@link TableSealedKey} (one key, kept for the instance's life) and
 * {@link TableBranchKeys} (versions, kept ten minutes). Key material is never stored in clear. The
 * KMS client is asked for at the first KMS call, so a function that never opens a key never builds
 * one. Thread-safe (the SDK clients and their supplier are).
 */
final class SealedKeyTable {
  private static final String SORT_KEY = "KEY";

  private final DynamoDbClient dynamoDb;
  private final Supplier<KmsClient> kms;
  private final String tableName;
  private final String kmsKeyId;

  SealedKeyTable(
      DynamoDbClient dynamoDb, Supplier<KmsClient> kms, String tableName, String kmsKeyId) {
    this.dynamoDb = dynamoDb;
    this.kms = kms;
    this.tableName = tableName;
    this.kmsKeyId = kmsKeyId;
  }

  static Map<String, AttributeValue> itemKey(String name) {
    return Map.of("pk", AttributeValue.fromS("KEY#" + name), "sk", AttributeValue.fromS(SORT_KEY));
  }

  /** The key's item by a consistent read, or null when there is none. */
  Map<String, AttributeValue> read(String name) {
    try {
      Map<String, AttributeValue> item =
          dynamoDb
              .getItem(r -> r.tableName(tableName).key(itemKey(name)).consistentRead(true))
              .item();
      return item == null || item.isEmpty() ? null : item;
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB GetItem", e);
    }
  }

  /**
   * Writes the key's item with {@code attributes} if {@code condition} holds; false when it did not
   * (another writer was first).
   */
  boolean write(
      String name,
      Map<String, AttributeValue> attributes,
      String condition,
      Map<String, String> names,
      Map<String, AttributeValue> values) {
    Map<String, AttributeValue> item = new HashMap<>(itemKey(name));
    item.putAll(attributes);
    try {
      dynamoDb.putItem(
          r -> {
            r.tableName(tableName).item(item).conditionExpression(condition);
            if (!names.isEmpty()) {
              r.expressionAttributeNames(names);
            }
            if (!values.isEmpty()) {
              r.expressionAttributeValues(values);
            }
          });
      return true;
    } catch (ConditionalCheckFailedException anotherWriterWasFirst) {
      return false;
    } catch (SdkException e) {
      throw new DependencyUnavailableException("DynamoDB PutItem", e);
    }
  }

  SdkBytes seal(byte[] material, Map<String, String> context) {
    try {
      return kms.get()
          .encrypt(
              r ->
                  r.keyId(kmsKeyId)
                      .plaintext(SdkBytes.fromByteArray(material))
                      .encryptionContext(context))
          .ciphertextBlob();
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Encrypt", e);
    }
  }

  /** The key material; the caller wipes it. */
  byte[] open(SdkBytes sealed, Map<String, String> context) {
    try {
      return kms.get()
          .decrypt(r -> r.keyId(kmsKeyId).ciphertextBlob(sealed).encryptionContext(context))
          .plaintext()
          .asByteArray();
    } catch (InvalidCiphertextException | IncorrectKeyException e) {
      throw new SecretIntegrityException(e);
    } catch (SdkException e) {
      throw new DependencyUnavailableException("KMS Decrypt", e);
    }
  }
}
