package io.otelstack.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A named stand-in, not a real part: a kubelet that serves only a recorded {@code /stats/summary}
 * (no kubelet can run here), over plain HTTP on loopback, for the agent's {@code kubelet_stats}
 * receiver to read.
 *
 * <p>The recording is upstream's own: {@code testdata/stats-summary.json} of {@code
 * github.com/open-telemetry/opentelemetry-collector-contrib/receiver/kubeletstatsreceiver} (a
 * minikube node, {@code minikube}, with 9 pods of one container each), copied unchanged from the Go
 * module cache. The file is identical (MD5 a1330c8d8e1b85bfd024c558f8b79921) in every version
 * there, v0.151.0 to v0.161.0; the distribution builds the receiver at v0.152.0.
 */
final class KubeletSummaryStandIn implements AutoCloseable {
  /** The node the recording was made on. */
  static final String NODE = "minikube";

  /** The pods in the recording. */
  static final int PODS = 9;

  private static final String RECORDING = "kubelet-stats-summary.json";

  private final HttpServer server;
  private final byte[] summary;
  private final AtomicInteger reads = new AtomicInteger();

  /** Starts serving on {@code 127.0.0.1:port}, the local overlay's port for the kubelet's. */
  KubeletSummaryStandIn(int port) {
    try (InputStream in = KubeletSummaryStandIn.class.getResourceAsStream(RECORDING)) {
      summary = in.readAllBytes();
      server = HttpServer.create(new InetSocketAddress(Loopback.HOST, port), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/stats/summary", this::serve);
    server.start();
  }

  /** How many times the summary was read. */
  int reads() {
    return reads.get();
  }

  private void serve(HttpExchange exchange) throws IOException {
    reads.incrementAndGet();
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, summary.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(summary);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
