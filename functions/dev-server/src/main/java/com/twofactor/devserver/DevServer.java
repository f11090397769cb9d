package com.twofactor.devserver;

import io.micronaut.runtime.Micronaut;

/**
 * Runs every API function in one local process, on in-memory state that is gone when it stops. For
 * development only: identity comes from a request header anyone can set.
 */
public final class DevServer {
  /** Selects application-dev-server.properties. */
  public static final String ENVIRONMENT = "dev-server";

  private DevServer() {}

  public static void main(String[] args) {
    Micronaut.build(args)
        .mainClass(DevServer.class)
        .environments(ENVIRONMENT)
        .banner(false)
        .start();
  }
}
