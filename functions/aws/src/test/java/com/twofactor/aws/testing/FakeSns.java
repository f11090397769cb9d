package com.twofactor.aws.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SNS endpoint on a loopback port that speaks the AWS Query protocol of {@code Publish}, so the
 * real {@code SnsClient} marshals and signs every request, and captures each one as its form fields
 * for field-by-field assertions. It sends nothing anywhere. Thread-safe.
 */
public final class FakeSns implements AutoCloseable {
  private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

  private final HttpServer server;
  private final List<Map<String, String>> publishes = new CopyOnWriteArrayList<>();

  public FakeSns() {
    server = LoopbackServer.start(this::handle, 4);
  }

  public URI endpoint() {
    return LoopbackServer.endpoint(server);
  }

  /** Every Publish request so far, as its decoded form fields. */
  public List<Map<String, String>> publishes() {
    return List.copyOf(publishes);
  }

  /** The 6-digit code of the newest message to {@code phoneNumber}. */
  public String lastCodeTo(String phoneNumber) {
    for (int i = publishes.size() - 1; i >= 0; i--) {
      Map<String, String> publish = publishes.get(i);
      if (phoneNumber.equals(publish.get("PhoneNumber"))) {
        Matcher matcher = CODE.matcher(publish.get("Message"));
        if (matcher.find()) {
          return matcher.group(1);
        }
      }
    }
    throw new IllegalStateException("nothing was published to that number");
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> form =
          form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      String body;
      int status;
      if ("Publish".equals(form.get("Action"))) {
        publishes.add(form);
        status = 200;
        body =
            "<PublishResponse xmlns=\"http://sns.amazonaws.com/doc/2010-03-31/\"><PublishResult>"
                + "<MessageId>"
                + UUID.randomUUID()
                + "</MessageId></PublishResult><ResponseMetadata><RequestId>"
                + UUID.randomUUID()
                + "</RequestId></ResponseMetadata></PublishResponse>";
      } else {
        status = 400;
        body =
            "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidAction</Code>"
                + "<Message>not supported here</Message></Error></ErrorResponse>";
      }
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "text/xml");
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      fields.put(key, value);
    }
    return fields;
  }
}
