package com.twofactor.lambdaenv;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The part of the Lambda Runtime API (version 2018-06-01) a runtime interface client talks to, on a
 * loopback port: {@code GET /runtime/invocation/next} hands out queued events (blocking until one
 * is queued, as Lambda does), {@code POST /runtime/invocation/{id}/response} and {@code .../error}
 * complete them, {@code POST /runtime/init/error} records a failed init, and {@code GET
 * /runtime/restore/next} answers at once, as Lambda does when it resumes a SnapStart snapshot (the
 * client calls it after init when {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}).
 *
 * <p>One server serves one function process, as each Lambda sandbox has its own. Reusable by
 * benchmarks: {@link #invoke} returns a future completed when the function answers. Thread-safe.
 */
public final class RuntimeApiServer implements AutoCloseable {
  private static final String PREFIX = "/2018-06-01/runtime/";
  private static final Duration INVOCATION_DEADLINE = Duration.ofSeconds(60);

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
  private final Map<String, CompletableFuture<String>> inFlight = new ConcurrentHashMap<>();
  private final AtomicReference<String> initError = new AtomicReference<>();
  private final AtomicInteger restores = new AtomicInteger();
  private final CompletableFuture<Long> firstPoll = new CompletableFuture<>();
  private final String functionArn;
  private volatile boolean closed;

  private record Invocation(String requestId, String event, CompletableFuture<String> answer) {}

  /** A function's answer that came through {@code /error} instead of {@code /response}. */
  public static final class FunctionError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FunctionError(String body) {
      super(body);
    }
  }

  /** A server for the function named {@code functionArn} (reported to it with each event). */
  public RuntimeApiServer(String functionArn) {
    this.functionArn = functionArn;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(executor);
    server.createContext(PREFIX, this::handle);
    server.start();
  }

  /** What {@code AWS_LAMBDA_RUNTIME_API} holds: host and port, no scheme. */
  public String hostAndPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** Queues {@code eventJson}; the future completes with the function's answer (JSON). */
  public CompletableFuture<String> invoke(String eventJson) {
    Invocation invocation =
        new Invocation(UUID.randomUUID().toString(), eventJson, new CompletableFuture<>());
    inFlight.put(invocation.requestId(), invocation.answer());
    queued.add(invocation);
    return invocation.answer();
  }

  /** The error body the runtime reported at init, if it did. */
  public Optional<String> initError() {
    return Optional.ofNullable(initError.get());
  }

  /**
   * Completes with {@link System#nanoTime()} of the runtime's first {@code invocation/next} poll:
   * the end of its init, as Lambda counts it.
   */
  public CompletableFuture<Long> firstPoll() {
    return firstPoll;
  }

  /** How often the runtime asked to be restored (once per SnapStart init). */
  public int restores() {
    return restores.get();
  }

  @Override
  public void close() {
    closed = true;
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (path.equals("invocation/next")) {
        next(exchange);
      } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
        complete(exchange, requestId(path), body, false);
      } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
        complete(exchange, requestId(path), body, true);
      } else if (path.equals("init/error")) {
        initError.set(body);
        inFlight.values().forEach(f -> f.completeExceptionally(new FunctionError(body)));
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else if (path.equals("restore/next")) {
        restores.incrementAndGet();
        respond(exchange, 200, "");
      } else if (path.equals("restore/error")) {
        initError.set(body);
        respond(exchange, 202, "{\"status\":\"OK\"}");
      } else {
        respond(exchange, 404, "{\"errorType\":\"NotFound\"}");
      }
    }
  }

  private void next(HttpExchange exchange) throws IOException {
    firstPoll.complete(System.nanoTime());
    Invocation invocation = null;
    try {
      while (invocation == null && !closed) {
        invocation = queued.poll(200, TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (invocation == null) {
      respond(exchange, 500, "{\"errorType\":\"ServerShutdown\"}");
      return;
    }
    var headers = exchange.getResponseHeaders();
    headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
    headers.add(
        "Lambda-Runtime-Deadline-Ms",
        Long.toString(System.currentTimeMillis() + INVOCATION_DEADLINE.toMillis()));
    headers.add("Lambda-Runtime-Invoked-Function-Arn", functionArn);
    headers.add(
        "Lambda-Runtime-Trace-Id",
        "Root=1-00000000-000000000000000000000000;Parent=0000000000000000;Sampled=0");
    respond(exchange, 200, invocation.event());
  }

  private void complete(HttpExchange exchange, String requestId, String body, boolean error)
      throws IOException {
    CompletableFuture<String> answer = inFlight.remove(requestId);
    if (answer == null) {
      respond(exchange, 400, "{\"errorType\":\"InvalidRequestID\"}");
      return;
    }
    if (error) {
      answer.completeExceptionally(new FunctionError(body));
    } else {
      answer.complete(body);
    }
    respond(exchange, 202, "{\"status\":\"OK\"}");
  }

  private static String requestId(String path) {
    String rest = path.substring("invocation/".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }
}
