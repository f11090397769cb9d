package com.twofactor.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * An EventBridge endpoint on a loopback port that speaks the real wire protocol (JSON 1.1, {@code
 * AWSEvents.PutEvents}), so the real {@code EventBridgeClient} marshals, signs and parses every
 * call. It captures each PutEvents request and each accepted entry, and can refuse chosen entries
 * the way EventBridge does: in a 200 answer, with {@code FailedEntryCount} and an {@code ErrorCode}
 * in the entry's position. In the aws test jar: the security-events tests and the Lambda runtime
 * test (lambda-env) both publish to it. Thread-safe.
 */
public final class FakeEventBridge implements AutoCloseable {
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final Argument<Map<String, Object>> OBJECT =
      Argument.mapOf(String.class, Object.class);

  private final HttpServer server;
  private final List<List<Map<String, Object>>> requests = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> accepted = new CopyOnWriteArrayList<>();
  private final List<Refusal> refusals = new CopyOnWriteArrayList<>();

  /** Refuses entries that match, {@code times} times in all (-1: always). */
  private static final class Refusal {
    final Predicate<Map<String, Object>> matches;
    final AtomicInteger left;

    Refusal(Predicate<Map<String, Object>> matches, int times) {
      this.matches = matches;
      this.left = new AtomicInteger(times);
    }

    boolean refuses(Map<String, Object> entry) {
      if (!matches.test(entry)) {
        return false;
      }
      return left.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0;
    }
  }

  public FakeEventBridge() {
    server = LoopbackServer.start(this::handle, 4);
  }

  public URI endpoint() {
    return LoopbackServer.endpoint(server);
  }

  /** Refuses entries of this detail type {@code times} times (-1: every time). */
  public void refuse(String detailType, int times) {
    refusals.add(new Refusal(e -> detailType.equals(e.get("DetailType")), times));
  }

  public void reset() {
    requests.clear();
    accepted.clear();
    refusals.clear();
  }

  /** Every PutEvents request so far, as its list of entries. */
  public List<List<Map<String, Object>>> requests() {
    return List.copyOf(requests);
  }

  /** Every entry EventBridge accepted, in order. */
  public List<Map<String, Object>> accepted() {
    return List.copyOf(accepted);
  }

  /** The accepted entries' {@code Detail}, parsed. */
  public List<Map<String, Object>> acceptedDetails() {
    List<Map<String, Object>> details = new ArrayList<>();
    for (Map<String, Object> entry : accepted) {
      try {
        details.add(JSON.readValue((String) entry.get("Detail"), OBJECT));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return details;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  @SuppressWarnings("unchecked")
  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      Map<String, Object> body = JSON.readValue(exchange.getRequestBody().readAllBytes(), OBJECT);
      Map<String, Object> answer = new LinkedHashMap<>();
      int status;
      if ("AWSEvents.PutEvents".equals(target)) {
        List<Map<String, Object>> entries = (List<Map<String, Object>>) body.get("Entries");
        requests.add(List.copyOf(entries));
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (Map<String, Object> entry : entries) {
          if (refusals.stream().anyMatch(r -> r.refuses(entry))) {
            failed++;
            results.add(
                Map.of("ErrorCode", "InternalFailure", "ErrorMessage", "injected by the test"));
          } else {
            accepted.add(entry);
            results.add(Map.of("EventId", UUID.randomUUID().toString()));
          }
        }
        answer.put("FailedEntryCount", failed);
        answer.put("Entries", results);
        status = 200;
      } else {
        answer.put("__type", "UnknownOperationException");
        answer.put("message", "not supported here: " + target);
        status = 400;
      }
      byte[] bytes = JSON.writeValueAsBytes(answer);
      exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }
}
