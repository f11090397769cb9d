package com.twofactor.lambdaenv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * The credentials endpoint Lambda gives a SnapStart function instead of access keys ({@code
 * AWS_CONTAINER_CREDENTIALS_FULL_URI}), on a loopback port: it answers the execution role's
 * temporary credentials only to a request whose {@code Authorization} header is the token Lambda
 * puts in {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}, and 403 otherwise. It records every request's
 * header, so tests can prove the function fetched its credentials here, with the right token.
 * Thread-safe.
 */
public final class ContainerCredentialsServer implements AutoCloseable {
  private static final String PATH = "/2021-04-23/credentials";

  private final HttpServer server;
  private final String token;
  private final Clock clock;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  public ContainerCredentialsServer(Clock clock) {
    this.clock = clock;
    byte[] raw = new byte[24];
    new SecureRandom().nextBytes(raw);
    this.token = HexFormat.of().formatHex(raw);
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext(PATH, this::handle);
    server.start();
  }

  /** What {@code AWS_CONTAINER_CREDENTIALS_FULL_URI} holds. */
  public String fullUri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
  }

  /** What {@code AWS_CONTAINER_AUTHORIZATION_TOKEN} holds. */
  public String token() {
    return token;
  }

  /** The {@code Authorization} header of every request so far (empty string when absent). */
  public List<String> authorizations() {
    return List.copyOf(authorizations);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      authorizations.add(authorization == null ? "" : authorization);
      if (!token.equals(authorization)) {
        respond(exchange, 403, "{\"message\":\"bad authorization token\"}");
        return;
      }
      String expiration = clock.instant().plus(Duration.ofHours(6)).toString();
      respond(
          exchange,
          200,
          "{\"AccessKeyId\":\"ASIALAMBDAENVTEST000\",\"SecretAccessKey\":\"container-secret\","
              + "\"Token\":\"container-session-token\",\"Expiration\":\""
              + expiration
              + "\"}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }
}
