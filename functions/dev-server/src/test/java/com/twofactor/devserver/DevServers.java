package com.twofactor.devserver;

import com.twofactor.testkit.MutableClock;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Starts the dev server for black-box tests the one way they all need it: in-process on a random
 * port, with a clock the test moves. Stateless; each call starts a new server the caller closes.
 */
public final class DevServers {
  private DevServers() {}

  /** The dev server on a random port with the mutable test clock, plus {@code properties}. */
  public static EmbeddedServer start(Map<String, Object> properties) {
    Map<String, Object> all = new HashMap<>(properties);
    all.put("micronaut.server.port", -1);
    all.put("test.clock", "mutable");
    return ApplicationContext.run(EmbeddedServer.class, all, DevServer.ENVIRONMENT);
  }

  /** {@link #start(Map)} with no further properties. */
  public static EmbeddedServer start() {
    return start(Map.of());
  }

  /** {@link #start(Map)} reading the project's template.yaml (for the template's functions). */
  public static EmbeddedServer startWithTemplate() {
    return start(Map.of("dev-server.template", projectRoot().resolve("template.yaml").toString()));
  }

  /** The clock a server started here runs on. */
  public static MutableClock clock(EmbeddedServer server) {
    return server.getApplicationContext().getBean(MutableClock.class);
  }

  /** The repository's root, as the build passes it. */
  public static Path projectRoot() {
    return Path.of(System.getProperty("project.root"));
  }
}
