package com.twofactor.fuzz;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Lets a fuzz input make the in-memory {@link InMemoryTwoFactorStore} unreachable, as a DynamoDB
 * outage would: the only 5xx the properties allow is the 503 that follows. Only in contexts with
 * {@code fuzz.faults=true}. The switch is a plain field: fuzz inputs run one at a time.
 */
@Singleton
@Requires(property = "fuzz.faults", value = "true")
final class StoreFaults implements BeanCreatedEventListener<InMemoryTwoFactorStore> {
  private volatile boolean armed;

  void arm(boolean value) {
    armed = value;
  }

  boolean armed() {
    return armed;
  }

  @Override
  public InMemoryTwoFactorStore onCreated(BeanCreatedEvent<InMemoryTwoFactorStore> event) {
    InMemoryTwoFactorStore store = event.getBean();
    store.simulateOutage(
        () ->
            armed
                ? new DependencyUnavailableException(
                    "DynamoDB", new IllegalStateException("injected"))
                : null);
    return store;
  }
}
