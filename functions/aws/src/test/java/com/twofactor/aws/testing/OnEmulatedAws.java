package com.twofactor.aws.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Base of test classes that share one {@link AwsTestContext} (dynalite and an in-memory KMS). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class OnEmulatedAws {
  protected AwsTestContext aws;

  @BeforeAll
  void startEmulatedAws() {
    aws = new AwsTestContext();
  }

  @AfterAll
  void stopEmulatedAws() {
    aws.close();
  }
}
