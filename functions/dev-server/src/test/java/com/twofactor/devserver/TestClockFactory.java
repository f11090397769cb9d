package com.twofactor.devserver;

import com.twofactor.testkit.MutableClock;
import com.twofactor.wiring.DomainFactory;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** A clock the black-box tests can move, so waiting out a 30-second SMS window takes no time. */
@Factory
@Requires(property = "test.clock", value = "mutable")
class TestClockFactory {

  @Singleton
  @Replaces(value = Clock.class, factory = DomainFactory.class)
  MutableClock mutableClock() {
    return new MutableClock(Instant.now());
  }
}
