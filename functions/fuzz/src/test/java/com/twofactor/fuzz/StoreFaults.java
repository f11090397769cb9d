package com.twofactor.fuzz;

import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;

/**
 * Wraps whichever {@link TwoFactorStore} the context makes so a fuzz input can make it unreachable,
 * as a DynamoDB outage would: the only 5xx the properties allow is the 503 that follows. Only in
 * contexts with {@code fuzz.faults=true}. The switch is a plain field: fuzz inputs run one at a
 * time.
 */
@Singleton
@Requires(property = "fuzz.faults", value = "true")
final class StoreFaults implements BeanCreatedEventListener<TwoFactorStore> {
  private volatile boolean armed;

  void arm(boolean value) {
    armed = value;
  }

  boolean armed() {
    return armed;
  }

  @Override
  public TwoFactorStore onCreated(BeanCreatedEvent<TwoFactorStore> event) {
    TwoFactorStore store = event.getBean();
    return new TwoFactorStore() {
      @Override
      public UserTwoFactor load(String userId) {
        check();
        return store.load(userId);
      }

      @Override
      public UserTwoFactor save(UserTwoFactor state) {
        check();
        return store.save(state);
      }

      @Override
      public Map<String, UserTwoFactor> loadAll(Collection<String> userIds) {
        check();
        return store.loadAll(userIds);
      }
    };
  }

  private void check() {
    if (armed) {
      throw new DependencyUnavailableException("DynamoDB", new IllegalStateException("injected"));
    }
  }
}
