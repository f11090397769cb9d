package com.twofactor.securityevents;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;

/**
 * Runs in a separate JVM on the deployable jar alone (plus this class and the Lambda test event
 * loader): builds the handler the way the Lambda runtime does, with its no-argument constructor,
 * and relays the given event file. Prints the failures it reports.
 */
public final class ShadedJarMain {
  private ShadedJarMain() {}

  public static void main(String[] args) {
    DynamodbEvent batch = EventLoader.loadDynamoDbEvent(args[0]);
    StreamsEventResponse response = new SecurityEventsHandler().handleRequest(batch, null);
    System.out.println("FAILURES=" + response.getBatchItemFailures().size());
  }
}
