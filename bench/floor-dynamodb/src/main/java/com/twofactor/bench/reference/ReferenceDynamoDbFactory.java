package com.twofactor.bench.reference;

import com.twofactor.aws.http.BufferedBodyConnections;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The reference's DynamoDB client, built as {@code AwsClientsFactory} builds the functions' (the
 * region given, the on-demand runtime's access keys, the URL-connection client over {@link
 * BufferedBodyConnections}, standard retries) and, as a plain function would, at init rather than
 * on the first call; without the functions' priming. Thread-safe (the client is).
 */
@Factory
class ReferenceDynamoDbFactory {

  @Context
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
