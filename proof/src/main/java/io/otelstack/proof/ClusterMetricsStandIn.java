package io.otelstack.proof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named stand-in, not a real part: serves on 127.0.0.2 (loopback) the metrics endpoints that only
 * a cluster has, in the real producers' exposition format and metric names, for the collectors to
 * scrape:
 *
 * <ul>
 *   <li>one node's kubelet as the API server's node proxy serves it, at {@code
 *       /api/v1/nodes/<node>/proxy/metrics} ({@code kubelet_node_name}, {@code
 *       kubelet_volume_stats_*}), which needs a node with volumes;
 *   <li>the Target Allocator's own {@code /metrics} ({@code opentelemetry_allocator_*}), which
 *       needs an API server for the allocator to discover targets in.
 * </ul>
 *
 * Each also serves series the generated scrape jobs must drop (other kubelet metrics, another
 * namespace's volume, the allocator's other gauges and Go runtime), so the scenario sees the keep
 * rules at work. The scenario sets each series' value.
 */
final class ClusterMetricsStandIn implements AutoCloseable {
  /**
   * A loopback address of its own, as a pod or node has its own IP: the local overlay moves {@code
   * 127.0.0.1} ports of static targets to the replica's ports, which would miss this server.
   */
  private static final String HOST = "127.0.0.2";

  private final String node;
  private final HttpServer server;
  private final Map<String, Double> kubelet = new TreeMap<>();
  private final Map<String, Double> allocator = new TreeMap<>();

  /** Starts serving {@code node}'s kubelet and an allocator on a free loopback port. */
  ClusterMetricsStandIn(String node) {
    this.node = node;
    try {
      server = HttpServer.create(new InetSocketAddress(HOST, 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    kubelet.put("kubelet_running_pods", 12.0);
    kubelet.put("kubelet_node_name{node=\"" + node + "\"}", 1.0);
    kubelet.put(
        "kubelet_volume_stats_used_bytes{namespace=\"shop\",persistentvolumeclaim=\"data-db-0\"}",
        9.9e9);
    kubelet.put(
        "kubelet_volume_stats_capacity_bytes{namespace=\"shop\",persistentvolumeclaim=\"data-db-0\"}",
        1e10);
    allocator.put("go_goroutines", 42.0);
    allocator.put("opentelemetry_allocator_targets_remaining", 20.0);
    server.createContext("/api/v1/nodes/" + node + "/proxy/metrics", e -> serve(e, kubelet));
    server.createContext("/metrics", e -> serve(e, allocator));
    server.start();
  }

  /** {@code 127.0.0.2:port}: the API server's address for the kubelet, the allocator pod's. */
  String address() {
    return HOST + ":" + server.getAddress().getPort();
  }

  /** The node whose kubelet is served. */
  String node() {
    return node;
  }

  /** Sets one kubelet series, e.g. {@code kubelet_volume_stats_used_bytes{...}}. */
  synchronized void kubelet(String seriesWithLabels, double value) {
    kubelet.put(seriesWithLabels, value);
  }

  /**
   * Sets one allocator series, e.g. {@code opentelemetry_allocator_collectors_allocatable{...}}.
   */
  synchronized void allocator(String seriesWithLabels, double value) {
    allocator.put(seriesWithLabels, value);
  }

  private void serve(HttpExchange exchange, Map<String, Double> series) throws IOException {
    byte[] bytes = render(series).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
    exchange.sendResponseHeaders(200, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** Prometheus text format, one {@code # TYPE} line per family, as the real endpoints write it. */
  private synchronized String render(Map<String, Double> series) {
    StringBuilder out = new StringBuilder();
    String family = "";
    for (Map.Entry<String, Double> s : series.entrySet()) {
      String name = s.getKey().replaceAll("\\{.*", "");
      if (!name.equals(family)) {
        family = name;
        out.append("# TYPE ").append(name).append(" gauge\n");
      }
      out.append(s.getKey()).append(' ').append(s.getValue()).append('\n');
    }
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
