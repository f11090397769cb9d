package com.twofactor.devserver.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

/**
 * web/ served as any static host would, on its own port, so the pages and the API are different
 * origins and every call crosses CORS. Its config.json names the API under test. Thread safe (the
 * JDK server's own threading; the files are only read).
 */
final class StaticSite implements AutoCloseable {
  private static final Map<String, String> TYPES =
      Map.of(
          "html", "text/html; charset=utf-8",
          "js", "text/javascript; charset=utf-8",
          "css", "text/css; charset=utf-8",
          "json", "application/json");

  private final HttpServer server;
  private final Path root;
  private final Supplier<String> config;

  StaticSite(Path root, Supplier<String> config) throws IOException {
    this.root = root.toAbsolutePath().normalize();
    this.config = config;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::serve);
    server.start();
  }

  /** The site's origin, for TWO_FACTOR_ALLOWED_ORIGINS: scheme, host and port. */
  String origin() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  URI page(String name) {
    return URI.create(origin() + "/" + name);
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      byte[] body;
      String name = path.equals("/") ? "index.html" : path.substring(1);
      if (name.equals("config.json")) {
        body = config.get().getBytes(StandardCharsets.UTF_8);
      } else {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root) || !Files.isRegularFile(file)) {
          exchange.sendResponseHeaders(404, -1);
          return;
        }
        body = Files.readAllBytes(file);
      }
      String extension = name.substring(name.lastIndexOf('.') + 1);
      exchange
          .getResponseHeaders()
          .set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
