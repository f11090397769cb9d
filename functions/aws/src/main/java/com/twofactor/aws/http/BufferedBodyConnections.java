package com.twofactor.aws.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.HttpsURLConnection;
import software.amazon.awssdk.http.urlconnection.UrlConnectionFactory;

/**
 * Opens the connections the SDK's {@code UrlConnectionHttpClient} sends AWS calls over: the JDK's
 * own {@link HttpURLConnection} (its default TLS context, trust store and host-name check), with
 * the SDK's default timeouts, wrapped so the request body is sent buffered with its {@code
 * Content-Length} instead of streamed. Proxies come from the JVM's proxy properties only, not from
 * {@code HTTPS_PROXY} and {@code NO_PROXY} as with the SDK's own factory (Lambda sets neither).
 *
 * <p>Why: the SDK puts every request with a body (every DynamoDB, KMS, SNS and EventBridge call) in
 * fixed-length streaming mode, and for a streamed POST on a kept-alive connection the JDK first
 * probes the socket with a one-millisecond read ({@code sun.net.www.http.HttpClient#available}):
 * over a millisecond added to every warm AWS call (measured on loopback, README "Benchmark"). A
 * buffered body skips the probe. The bodies are small (an item is at most 400 KB). A kept-alive
 * connection the server has closed meanwhile is found by the failed exchange instead of the probe,
 * and the JDK sends the buffered request once more on a new connection, as the probe would have led
 * it to (a streamed body cannot be sent twice); past that the SDK's retry strategy applies. The JDK
 * drops kept-alive connections idle for more than five seconds before reuse, so after a frozen
 * sandbox thaws none is stale.
 *
 * <p>Thread-safe (no state after construction).
 */
public final class BufferedBodyConnections implements UrlConnectionFactory {
  /** The SDK's own defaults for its HTTP clients. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Loads the JVM's default TLS context (its trust store) now, when the client is built, as the
   * SDK's own client does: during priming or before a SnapStart snapshot rather than in a request.
   */
  public BufferedBodyConnections() {
    HttpsURLConnection.getDefaultSSLSocketFactory();
  }

  @Override
  public HttpURLConnection createConnection(URI uri) {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setConnectTimeout((int) CONNECT_TIMEOUT.toMillis());
      connection.setReadTimeout((int) READ_TIMEOUT.toMillis());
      return new BufferedBodyConnection(connection);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
