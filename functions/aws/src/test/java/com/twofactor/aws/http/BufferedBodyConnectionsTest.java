package com.twofactor.aws.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The SDK's URL-connection client over {@link BufferedBodyConnections}, against a plain HTTP/1.1
 * server that records what arrives on the wire.
 */
@Tag("unit")
class BufferedBodyConnectionsTest {
  private ServerSocket server;
  private final AtomicInteger connections = new AtomicInteger();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Semaphore closedByServer = new Semaphore(0);
  private volatile boolean closeAfterEachResponse;

  @BeforeEach
  void startServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket socket = server.accept();
                  connections.incrementAndGet();
                  Thread serving = new Thread(() -> serve(socket));
                  serving.setDaemon(true);
                  serving.start();
                }
              } catch (IOException closed) {
                // The test is over.
              }
            });
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void stopServer() throws IOException {
    server.close();
  }

  @Test
  void postsThroughTheSdkClient_sendTheBodyWithItsLength_andReuseOneConnection() throws Exception {
    try (SdkHttpClient client = UrlConnectionHttpClient.create(new BufferedBodyConnections())) {
      for (String body : List.of("{\"TableName\":\"two-factor\"}", "{\"Key\":{}}")) {
        HttpExecuteResponse response = post(client, body);

        assertThat(response.httpResponse().statusCode()).isEqualTo(200);
        assertThat(response.responseBody().orElseThrow().readAllBytes())
            .asString(StandardCharsets.UTF_8)
            .isEqualTo("{}");
      }
    }

    assertThat(requests)
        .containsExactly(
            "POST content-length=26 body={\"TableName\":\"two-factor\"}",
            "POST content-length=10 body={\"Key\":{}}");
    assertThat(connections).as("TCP connections opened").hasValue(1);
  }

  @Test
  void aKeptAliveConnectionTheServerClosed_isReplaced_andTheCallSucceeds() throws Exception {
    closeAfterEachResponse = true;
    try (SdkHttpClient client = UrlConnectionHttpClient.create(new BufferedBodyConnections())) {
      assertThat(post(client, "{\"n\":1}").httpResponse().statusCode()).isEqualTo(200);
      assertThat(closedByServer.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

      assertThat(post(client, "{\"n\":2}").httpResponse().statusCode()).isEqualTo(200);
    }

    assertThat(requests)
        .containsExactly(
            "POST content-length=7 body={\"n\":1}", "POST content-length=7 body={\"n\":2}");
    assertThat(connections).as("TCP connections opened").hasValue(2);
  }

  @Test
  void aConnection_ignoresFixedLengthStreaming_soTheBodyIsBuffered() throws IOException {
    HttpURLConnection connection = new BufferedBodyConnections().createConnection(uri());
    connection.setRequestMethod("POST");
    connection.setDoOutput(true);
    connection.setFixedLengthStreamingMode(3L);

    // A streaming connection refuses more bytes than it announced; a buffered one takes them.
    try (OutputStream out = connection.getOutputStream()) {
      assertThatCode(() -> out.write("12345".getBytes(StandardCharsets.UTF_8)))
          .doesNotThrowAnyException();
    }
    assertThat(connection.getResponseCode()).isEqualTo(200);
    assertThat(requests).containsExactly("POST content-length=5 body=12345");
  }

  @Test
  void connections_carryTheSdkDefaultTimeouts() {
    HttpURLConnection connection = new BufferedBodyConnections().createConnection(uri());

    assertThat(connection.getConnectTimeout()).isEqualTo(2_000);
    assertThat(connection.getReadTimeout()).isEqualTo(30_000);
  }

  private HttpExecuteResponse post(SdkHttpClient client, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    SdkHttpRequest request =
        SdkHttpRequest.builder()
            .uri(uri())
            .method(SdkHttpMethod.POST)
            .putHeader("Content-Type", "application/x-amz-json-1.0")
            .putHeader("Content-Length", String.valueOf(bytes.length))
            .build();
    ExecutableHttpRequest call =
        client.prepareRequest(
            HttpExecuteRequest.builder()
                .request(request)
                .contentStreamProvider(() -> new java.io.ByteArrayInputStream(bytes))
                .build());
    return call.call();
  }

  private URI uri() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/");
  }

  /** Answers {@code {}} to each request on the connection until the client closes it. */
  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        String requestLine = line(in);
        if (requestLine == null) {
          return;
        }
        int length = -1;
        boolean chunked = false;
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
          String lower = header.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Integer.parseInt(lower.substring("content-length:".length()).trim());
          } else if (lower.startsWith("transfer-encoding:")) {
            chunked = true;
          }
        }
        String body = length < 0 ? "" : new String(in.readNBytes(length), StandardCharsets.UTF_8);
        requests.add(
            requestLine.split(" ")[0]
                + (chunked ? " chunked" : " content-length=" + length)
                + " body="
                + body);
        out.write(
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        if (closeAfterEachResponse) {
          // As a server does with an idle connection: closed without saying so beforehand.
          socket.close();
          closedByServer.release();
          return;
        }
      }
    } catch (IOException closed) {
      // The client went away.
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != -1; b = in.read()) {
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII).replace("\r", "");
      }
      line.write(b);
    }
    return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
  }
}
