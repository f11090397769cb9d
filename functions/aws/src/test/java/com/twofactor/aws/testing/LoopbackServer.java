package com.twofactor.aws.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * Starts the HTTP servers the fake AWS endpoints answer on: loopback only, a free port, one handler
 * for every path. Stateless.
 */
final class LoopbackServer {
  private LoopbackServer() {}

  /** A started server handing every request to {@code handler} on {@code threads} threads. */
  static HttpServer start(HttpHandler handler, int threads) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(threads));
    server.createContext("/", handler);
    server.start();
    return server;
  }

  /** The URI an SDK client is pointed at to reach {@code server}. */
  static URI endpoint(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }
}
