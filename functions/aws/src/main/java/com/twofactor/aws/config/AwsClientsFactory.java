package com.twofactor.aws.config;

import com.twofactor.aws.http.BufferedBodyConnections;
import com.twofactor.aws.snapstart.PrimingHttpClient;
import com.twofactor.aws.snapstart.PrimingScope;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ContainerCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
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
 * AWS clients, built once per container: explicit region and the runtime's credentials provider (no
 * default chain probing), the light URL-connection HTTP client (with bodies sent buffered, {@link
 * BufferedBodyConnections}), and every {@link ExecutionInterceptor} bean attached (tests count
 * calls with one). Clients are thread-safe and shared.
 */
@Factory
public class AwsClientsFactory {

  /**
   * The SDK's URL-connection client over connections that send bodies buffered; calls made while
   * priming are answered without being sent ({@link PrimingHttpClient}).
   */
  @Singleton
  @Bean(preDestroy = "close")
  SdkHttpClient httpClient(PrimingScope priming) {
    return new PrimingHttpClient(
        UrlConnectionHttpClient.create(new BufferedBodyConnections()), priming);
  }

  /**
   * The provider that fits the runtime: Lambda hands SnapStart functions a local credentials
   * endpoint and no access keys, on-demand functions access keys. Neither probes the default
   * chain's other sources, and neither fetches anything until the first real call.
   */
  @Singleton
  @Bean(preDestroy = "close")
  RuntimeCredentialsProvider credentialsProvider(AwsConfiguration config, PrimingScope priming) {
    return new RuntimeCredentialsProvider(() -> provider(config.getCredentials()), priming);
  }

  static AwsCredentialsProvider provider(AwsConfiguration.Credentials source) {
    return switch (source) {
      // No background refresh thread: it would be frozen into the snapshot.
      case CONTAINER ->
          ContainerCredentialsProvider.builder().asyncCredentialUpdateEnabled(false).build();
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
    return build(
        DynamoDbClient.builder(),
        config,
        http,
        credentials,
        interceptors,
        config.getDynamodbEndpoint());
  }

  /** Only where the function declares the KMS client (this module declares it optional). */
  @Singleton
  @Bean(preDestroy = "close")
  @Requires(classes = KmsClient.class)
  KmsClient kmsClient(
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    return build(
        KmsClient.builder(), config, http, credentials, interceptors, config.getKmsEndpoint());
  }

  /** Only where the function declares the SNS client (this module declares it optional). */
  @Singleton
  @Bean(preDestroy = "close")
  @Requires(classes = SnsClient.class)
  SnsClient snsClient(
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    return build(
        SnsClient.builder(), config, http, credentials, interceptors, config.getSnsEndpoint());
  }

  /**
   * Builds a client the way every client of the service is built: explicit region, the runtime's
   * credentials, the shared HTTP client, every interceptor, and standard retries (3 attempts with
   * back-off absorb brief throttling; past them the operation fails closed with 503).
   *
   * @param endpoint an emulator's endpoint; absent on AWS
   */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(
      B builder,
      AwsConfiguration config,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors,
      Optional<URI> endpoint) {
    builder
        .region(Region.of(config.getRegion()))
        .credentialsProvider(credentials)
        .httpClient(http)
        .overrideConfiguration(
            ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .executionInterceptors(interceptors)
                .build());
    endpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
