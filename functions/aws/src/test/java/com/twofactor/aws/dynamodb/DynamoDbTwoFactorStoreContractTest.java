package com.twofactor.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twofactor.aws.testing.AwsTestContext;
import com.twofactor.aws.testing.TwoFactorStoreContract;
import com.twofactor.core.DependencyUnavailableException;
import com.twofactor.core.model.UserTwoFactor;
import com.twofactor.core.port.TwoFactorStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The store contract over the real DynamoDB wire protocol (dynalite). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Tag("dynalite")
class DynamoDbTwoFactorStoreContractTest extends TwoFactorStoreContract {
  private AwsTestContext aws;

  @BeforeAll
  void start() {
    aws = new AwsTestContext();
  }

  @AfterAll
  void stop() {
    aws.close();
  }

  @Override
  protected TwoFactorStore store() {
    return aws.bean(TwoFactorStore.class);
  }

  @Test
  void store_isTheDynamoDbAdapterWithStronglyConsistentReads() {
    assertThat(store()).isInstanceOf(DynamoDbTwoFactorStore.class);
    aws.calls.reset();

    store().load("someone");

    assertThat(aws.calls.calls()).containsExactly("DynamoDb.GetItem");
  }

  @Test
  void save_failsClosedWhenDynamoDbIsUnreachable() {
    aws.faults.fail("PutItem");
    try {
      assertThatThrownBy(() -> store().save(UserTwoFactor.empty("unlucky")))
          .isInstanceOf(DependencyUnavailableException.class);
    } finally {
      aws.faults.clear();
    }
    assertThat(store().load("unlucky").version()).isZero();
  }
}
