package com.twofactor.securityevents;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import io.micronaut.context.ApplicationContext;
import io.micronaut.function.aws.MicronautRequestHandler;
import jakarta.inject.Inject;

/**
 * The DynamoDB stream consumer (event source mapping with {@code ReportBatchItemFailures}): maps
 * the batch to {@link StreamRelay#relay} and answers which record to retry from.
 */
public class SecurityEventsHandler
    extends MicronautRequestHandler<DynamodbEvent, StreamsEventResponse> {
  @Inject StreamRelay relay;

  /** For Lambda. */
  public SecurityEventsHandler() {}

  /** For tests, on their own context. */
  public SecurityEventsHandler(ApplicationContext context) {
    super(context);
  }

  @Override
  public StreamsEventResponse execute(DynamodbEvent event) {
    return relay.relay(event);
  }
}
