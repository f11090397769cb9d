package com.twofactor.bench.reference;

import com.twofactor.aws.http.BufferedBodyConnections;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The reference's DynamoDB client, built as {@code AwsClientsFactory} builds the functions': the
 * region given, the on-demand runtime's access keys (the environment provider, which {@code
 * RuntimeCredentialsProvider} also picks there), the URL-connection client over {@link
 * BufferedBodyConnections}, standard retries. Left out, as a plain function would: the priming
 * wrapper of the HTTP client and of the credentials, and the execution interceptors (the functions
 * have none on Lambda; tests add one to count calls). When it is built: {@link
 * ReferenceClientStart}. Thread-safe (the client is).
 */
@Factory
class ReferenceDynamoDbFactory {

  @Singleton
  @Bean(preDestroy = "close")
  DynamoDbClient dynamoDb(ReferenceSettings settings) {
    return DynamoDbClient.builder()
        .region(Region.of(settings.region()))
        .credentialsProvider(EnvironmentVariableCredentialsProvider.create())
        .httpClient(UrlConnectionHttpClient.create(new BufferedBodyConnections()))
        .overrideConfiguration(
            ClientOverrideConfiguration.builder().retryStrategy(RetryMode.STANDARD).build())
        .endpointOverride(settings.dynamodbEndpoint())
        .build();
  }
}
