package com.twofactor.aws.config;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * AWS clients, built once per container: explicit region and credentials provider (no default chain
 * probing), the light URL-connection HTTP client, and every {@link ExecutionInterceptor} bean
 * attached (tests count calls with one). Clients are thread-safe and shared.
 */
@Factory
public class AwsClientsFactory {

  @Singleton
  @Bean(preDestroy = "close")
  SdkHttpClient httpClient() {
    return UrlConnectionHttpClient.builder().build();
  }

  @Singleton
  AwsCredentialsProvider credentialsProvider(AwsConfiguration config) {
    return switch (config.getCredentials()) {
      case ENVIRONMENT -> EnvironmentVariableCredentialsProvider.create();
      case EMULATOR ->
          StaticCredentialsProvider.create(AwsBasicCredentials.create("emulator", "emulator"));
    };
  }

  @Singleton
  @Bean(preDestroy = "close")
  DynamoDbClient dynamoDbClient(
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    var builder =
        DynamoDbClient.builder()
            .region(Region.of(config.getRegion()))
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(overrides(interceptors));
    config.getDynamodbEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Singleton
  @Bean(preDestroy = "close")
  KmsClient kmsClient(
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    var builder =
        KmsClient.builder()
            .region(Region.of(config.getRegion()))
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(overrides(interceptors));
    config.getKmsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  @Singleton
  @Bean(preDestroy = "close")
  SnsClient snsClient(
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    var builder =
        SnsClient.builder()
            .region(Region.of(config.getRegion()))
            .credentialsProvider(credentials)
            .httpClient(http)
            .overrideConfiguration(overrides(interceptors));
    config.getSnsEndpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * Standard retries (3 attempts with back-off) absorb brief throttling; past them the operation
   * fails closed with 503.
   */
  private static ClientOverrideConfiguration overrides(List<ExecutionInterceptor> interceptors) {
    return ClientOverrideConfiguration.builder()
        .retryStrategy(RetryMode.STANDARD)
        .executionInterceptors(interceptors)
        .build();
  }
}
