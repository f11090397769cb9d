package com.twofactor.securityevents;

import com.twofactor.aws.config.AwsClientsFactory;
import com.twofactor.aws.config.AwsConfiguration;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/**
 * The EventBridge client, built once per container like the other AWS clients: explicit region and
 * credentials, the shared URL-connection HTTP client, every {@link ExecutionInterceptor} bean.
 */
@Factory
public class EventBridgeClientFactory {

  @Singleton
  @Bean(preDestroy = "close")
  EventBridgeClient eventBridgeClient(
      AwsConfiguration aws,
      EventsConfiguration events,
      SdkHttpClient http,
      AwsCredentialsProvider credentials,
      List<ExecutionInterceptor> interceptors) {
    return AwsClientsFactory.build(
        EventBridgeClient.builder(), aws, http, credentials, interceptors, events.getEndpoint());
  }
}
