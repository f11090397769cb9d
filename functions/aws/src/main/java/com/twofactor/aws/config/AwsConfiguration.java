package com.twofactor.aws.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import jakarta.annotation.PostConstruct;
import java.net.URI;
import java.util.Optional;

/**
 * Settings under {@code two-factor.aws.*}. On Lambda they come from the environment variables
 * template.yaml sets ({@code TWO_FACTOR_AWS_TABLE_NAME}, ...); {@code region} defaults to the
 * Lambda runtime's {@code AWS_REGION}. A blank region, table or key id stops the function at
 * start-up. Not thread-safe while being bound; read-only afterwards.
 */
@ConfigurationProperties("two-factor.aws")
public class AwsConfiguration {
  private String region = "us-east-1";
  private String tableName = "two-factor";
  private String kmsKeyId = "alias/two-factor";
  private URI dynamodbEndpoint;
  private URI kmsEndpoint;
  private URI snsEndpoint;
  private String smsSenderId;
  private String smsOriginationNumber;
  private String smsMaxPrice;
  private Credentials credentials;
  private String containerCredentialsFullUri;

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public String getTableName() {
    return tableName;
  }

  public void setTableName(String tableName) {
    this.tableName = tableName;
  }

  public String getKmsKeyId() {
    return kmsKeyId;
  }

  public void setKmsKeyId(String kmsKeyId) {
    this.kmsKeyId = kmsKeyId;
  }

  /** An endpoint override, for emulators (dynalite, LocalStack); absent on AWS. */
  public Optional<URI> getDynamodbEndpoint() {
    return Optional.ofNullable(dynamodbEndpoint);
  }

  public void setDynamodbEndpoint(URI dynamodbEndpoint) {
    this.dynamodbEndpoint = dynamodbEndpoint;
  }

  /** An endpoint override, for emulators; absent on AWS. */
  public Optional<URI> getKmsEndpoint() {
    return Optional.ofNullable(kmsEndpoint);
  }

  public void setKmsEndpoint(URI kmsEndpoint) {
    this.kmsEndpoint = kmsEndpoint;
  }

  /** An endpoint override, for emulators; absent on AWS. */
  public Optional<URI> getSnsEndpoint() {
    return Optional.ofNullable(snsEndpoint);
  }

  public void setSnsEndpoint(URI snsEndpoint) {
    this.snsEndpoint = snsEndpoint;
  }

  /** Alphanumeric sender id shown where carriers support it ({@code AWS.SNS.SMS.SenderID}). */
  public Optional<String> getSmsSenderId() {
    return Optional.ofNullable(smsSenderId).filter(v -> !v.isBlank());
  }

  public void setSmsSenderId(String smsSenderId) {
    this.smsSenderId = smsSenderId;
  }

  /** A dedicated origination number ({@code AWS.MM.SMS.OriginationNumber}), E.164. */
  public Optional<String> getSmsOriginationNumber() {
    return Optional.ofNullable(smsOriginationNumber).filter(v -> !v.isBlank());
  }

  public void setSmsOriginationNumber(String smsOriginationNumber) {
    this.smsOriginationNumber = smsOriginationNumber;
  }

  /**
   * The most, in USD, one message may cost ({@code AWS.SNS.SMS.MaxPrice}); SNS drops dearer ones.
   */
  public Optional<String> getSmsMaxPrice() {
    return Optional.ofNullable(smsMaxPrice).filter(v -> !v.isBlank());
  }

  public void setSmsMaxPrice(String smsMaxPrice) {
    this.smsMaxPrice = smsMaxPrice;
  }

  /**
   * Where credentials come from: as configured ({@code two-factor.aws.credentials}), else the
   * container endpoint when the runtime names one (SnapStart functions get only that), else the
   * environment's access keys (on-demand functions).
   */
  public Credentials getCredentials() {
    if (credentials != null) {
      return credentials;
    }
    return getContainerCredentialsFullUri().isPresent()
        ? Credentials.CONTAINER
        : Credentials.ENVIRONMENT;
  }

  public void setCredentials(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * The credentials endpoint Lambda names in {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} (mapped in
   * two-factor-defaults.properties); only its presence is read here, the SDK provider reads it and
   * the authorization token itself.
   */
  public Optional<String> getContainerCredentialsFullUri() {
    return Optional.ofNullable(containerCredentialsFullUri).filter(v -> !v.isBlank());
  }

  public void setContainerCredentialsFullUri(String containerCredentialsFullUri) {
    this.containerCredentialsFullUri = containerCredentialsFullUri;
  }

  @PostConstruct
  void check() {
    requireText("two-factor.aws.region", region);
    requireText("two-factor.aws.table-name", tableName);
    requireText("two-factor.aws.kms-key-id", kmsKeyId);
  }

  private static void requireText(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must not be blank");
    }
  }

  /** Where credentials come from. */
  public enum Credentials {
    /**
     * The execution role's credentials served by the runtime's local endpoint ({@code
     * AWS_CONTAINER_CREDENTIALS_FULL_URI} with {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}): what a
     * SnapStart function gets instead of access keys.
     */
    CONTAINER,
    /** The execution role's keys in the environment ({@code AWS_ACCESS_KEY_ID}, ...). */
    ENVIRONMENT,
    /** Fixed dummy keys, accepted by local emulators only. */
    EMULATOR
  }
}
