package com.twofactor.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A loopback HTTP proxy in front of dynalite that counts the DynamoDB calls passing through it by
 * operation ({@code X-Amz-Target}), so the benchmark can report each function's calls per operation
 * without touching the function, and times them (from the request's arrival to the answer's last
 * byte: dynalite's work plus the proxy's relay), so the benchmark can take each invoke's own
 * DynamoDB time out of its latency. Requests and answers pass unchanged (the signature is not
 * checked by dynalite, so the rewritten Host header does no harm). It adds one loopback hop to
 * every DynamoDB call of every function alike. Thread-safe.
 */
final class CountingProxy implements AutoCloseable {
  /** Headers the JDK client sets itself (or refuses), and hop-by-hop ones. */
  private static final Set<String> NOT_FORWARDED =
      Set.of("connection", "content-length", "expect", "host", "upgrade", "transfer-encoding");

  private final URI upstream;
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final HttpClient client;
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final LongAdder busyNanos = new LongAdder();

  CountingProxy(URI upstream) {
    this.upstream = upstream;
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Calls so far by operation name (e.g. {@code GetItem}), sorted by name. */
  Map<String, Long> calls() {
    Map<String, Long> snapshot = new TreeMap<>();
    calls.forEach((operation, count) -> snapshot.put(operation, count.sum()));
    return snapshot;
  }

  /** The time calls have spent in this proxy so far, in nanoseconds. */
  long busyNanos() {
    return busyNanos.sum();
  }

  void reset() {
    calls.clear();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    long arrived = System.nanoTime();
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "(none)" : target.substring(target.indexOf('.') + 1);
      calls.computeIfAbsent(operation, o -> new LongAdder()).increment();

      HttpRequest.Builder request =
          HttpRequest.newBuilder(upstream.resolve(exchange.getRequestURI().toString()))
              .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      HttpResponse<byte[]> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException(e);
      }
      response
          .headers()
          .map()
          .forEach(
              (name, values) -> {
                if (!name.startsWith(":")
                    && !NOT_FORWARDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                  exchange.getResponseHeaders().put(name, values);
                }
              });
      byte[] answer = response.body();
      exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
      // Counted before the answer's last byte leaves, so an invoke's time is in before it ends.
      busyNanos.add(System.nanoTime() - arrived);
      if (answer.length > 0) {
        exchange.getResponseBody().write(answer);
      }
    }
  }
}
