package com.twofactor.aws.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * dynalite, the DynamoDB wire-protocol emulator, started once per test JVM from the copy the build
 * installed ({@code npm ci} in {@code functions/aws/src/test/dynalite}, pinned by its lockfile). It
 * is never skipped: when Node.js or the install is missing, the tests that need it fail and say
 * why.
 *
 * <p>It runs behind our own {@code transact-shim.js}, because dynalite 4.0.0 implements neither
 * TransactWriteItems nor TransactGetItems: the shim serializes every request and emulates the
 * transactions atomically with dynalite's own condition checks. Transactions are therefore an
 * emulation here; on AWS (and LocalStack) they are DynamoDB's real ones.
 */
public final class Dynalite {
  private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);
  private static URI endpoint;

  private Dynalite() {}

  /** The endpoint of the running emulator, starting it on first use. Thread-safe. */
  public static synchronized URI endpoint() {
    if (endpoint == null) {
      endpoint = start();
    }
    return endpoint;
  }

  private static URI start() {
    Path home = home();
    Path cli = home.resolve("node_modules/dynalite/cli.js");
    Path shim = home.resolve("transact-shim.js");
    if (!Files.isRegularFile(cli)) {
      throw new IllegalStateException(
          "dynalite is not installed at "
              + cli
              + ": run the build (./mvnw verify), whose generate-test-resources phase runs npm ci");
    }
    int port = freePort();
    String node = System.getProperty("node.executable", "node");
    // In the running module's build directory, never in the sources.
    File log = Path.of("target", "dynalite.log").toAbsolutePath().toFile();
    log.getParentFile().mkdirs();
    try {
      Process process =
          new ProcessBuilder(
                  node,
                  shim.toString(),
                  "--port",
                  Integer.toString(port),
                  "--host",
                  "127.0.0.1",
                  "--createTableMs",
                  "0",
                  "--deleteTableMs",
                  "0",
                  "--updateTableMs",
                  "0")
              .redirectErrorStream(true)
              .redirectOutput(log)
              .start();
      Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "dynalite-stop"));
      awaitPort(process, port, log);
    } catch (IOException e) {
      throw new IllegalStateException("could not start dynalite with '" + node + "'", e);
    }
    return URI.create("http://127.0.0.1:" + port);
  }

  private static Path home() {
    String configured = System.getProperty("dynalite.home");
    if (configured == null) {
      throw new IllegalStateException(
          "system property dynalite.home is not set: run the tests through Maven");
    }
    return Path.of(configured);
  }

  private static void awaitPort(Process process, int port, File log) throws IOException {
    Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "dynalite exited with " + process.exitValue() + "; see " + log);
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted while waiting for dynalite", e);
        }
      }
    }
    process.destroy();
    throw new IllegalStateException("dynalite did not open port " + port + "; see " + log);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
