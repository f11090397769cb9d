package com.twofactor.aws.dynamodb;

import com.twofactor.aws.testing.TwoFactorStoreContract;
import com.twofactor.core.port.TwoFactorStore;
import com.twofactor.testkit.InMemoryTwoFactorStore;
import org.junit.jupiter.api.Tag;

@Tag("unit")
class InMemoryTwoFactorStoreContractTest extends TwoFactorStoreContract {
  private final InMemoryTwoFactorStore store = new InMemoryTwoFactorStore();

  @Override
  protected TwoFactorStore store() {
    return store;
  }
}
