package io.otelstack.proof;

import com.sun.net.httpserver.HttpServer;
import java.util.Map;
import java.util.TreeMap;

/**
 * A named stand-in, not a real part: serves on 127.0.0.1 the metrics that only a cluster produces,
 * under the names the real producers use, so the alerts over them can be evaluated here. The
 * kubelet's {@code kubelet_node_name} and {@code kubelet_volume_stats_*} need a node with volumes;
 * the Target Allocator's {@code opentelemetry_allocator_*} need an API server to discover targets.
 * Both run in the real-control-plane tests, not here.
 *
 * <p>The scenario sets each series' value; the output is Prometheus text format.
 */
final class ClusterMetricsStandIn implements AutoCloseable {
  private final HttpServer server;
  private final Map<String, Double> series = new TreeMap<>();

  /** Starts serving on a free loopback port. */
  ClusterMetricsStandIn() {
    server = PrometheusEndpoint.serve(this::render);
  }

  /** {@code 127.0.0.1:port}. */
  String address() {
    return Loopback.endpoint(server.getAddress().getPort());
  }

  /** Sets one series, e.g. {@code kubelet_node_name{node="node-a"}}, to {@code value}. */
  synchronized void set(String seriesWithLabels, double value) {
    series.put(seriesWithLabels, value);
  }

  /** Stops serving one series, as when a node or collector goes away. */
  synchronized void remove(String seriesWithLabels) {
    series.remove(seriesWithLabels);
  }

  private synchronized String render() {
    StringBuilder out = new StringBuilder();
    series.forEach((s, v) -> out.append(s).append(' ').append(v).append('\n'));
    return out.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
