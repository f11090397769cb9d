package com.twofactor.aws.testing;

import com.twofactor.testkit.MutableClock;
import com.twofactor.wiring.DomainFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * A clock tests move by hand ({@code test.aws-clock=mutable}; not {@code test.clock}, which the dev
 * server's tests use for their own), so TOTP steps and the branch key's ten minutes are
 * deterministic.
 */
@Factory
@Requires(property = "test.aws-clock", value = "mutable")
class MutableTestClockFactory {

  @Singleton
  // Only the wiring's clock: a test module with its own mutable clock (the dev server's) has this
  // test-jar on its classpath too, and two factories replacing every Clock would remove each other.
  @Replaces(value = Clock.class, factory = DomainFactory.class)
  MutableClock mutableClock() {
    return new MutableClock(Instant.parse("2026-11-29T00:00:00Z"));
  }
}
