package io.otelstack.proof;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Loopback addresses for everything the harness starts. The harness never talks to any other
 * address: every endpoint it writes into a configuration is built here.
 */
final class Loopback {
  /** The only host the harness binds to or sends to. */
  static final String HOST = "127.0.0.1";

  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  private Loopback() {}

  /**
   * A free ephemeral port on 127.0.0.1. The kernel picks it (bind to port 0); the socket is closed
   * at once so a collector or the sink can bind it later, which a "backend is down" scenario needs.
   * Ports already handed out in this JVM are never handed out twice.
   */
  static synchronized int freePort() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
        if (HANDED_OUT.add(s.getLocalPort())) {
          return s.getLocalPort();
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no free loopback port after 50 attempts");
  }

  /** {@code 127.0.0.1:port}. */
  static String endpoint(int port) {
    return HOST + ":" + port;
  }
}
