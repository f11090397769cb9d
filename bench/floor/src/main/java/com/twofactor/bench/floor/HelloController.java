package com.twofactor.bench.floor;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The floor's one route: {@code GET /hello} answers a small JSON object, so a request goes through
 * the same event mapping, routing and JSON encoding as ours, with no domain work and no AWS call.
 * Thread-safe (stateless).
 */
@Controller("/hello")
public class HelloController {

  /** The answer's shape. */
  @Serdeable
  public record Hello(String message) {}

  @Get
  public Hello hello() {
    return new Hello("hello");
  }
}
