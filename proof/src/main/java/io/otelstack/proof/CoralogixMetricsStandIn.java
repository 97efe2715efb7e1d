package io.otelstack.proof;

import com.sun.net.httpserver.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A named stand-in for Coralogix's metric store, not a real part: an {@link OtlpSink} receiving
 * what a collector's coralogix exporter sends, whose latest gauge and sum values are served as
 * Prometheus text for the proof's Prometheus to scrape. Labels are what Coralogix makes of an OTLP
 * point: its attributes plus its resource's attributes with {@code .} as {@code _}, among them
 * {@code cx_application_name}, which the real coralogix exporter sets from its configuration.
 *
 * <p>It exists so that series the collectors scrape reach the alert queries through the real
 * pipeline (receiver, scrape relabeling, processors, exporter) rather than being served to
 * Prometheus directly.
 */
final class CoralogixMetricsStandIn implements AutoCloseable {
  private final OtlpSink sink = new OtlpSink().start();
  private final HttpServer http = PrometheusEndpoint.serve(this::render);

  /** Where the coralogix exporter sends: {@code 127.0.0.1:port}. */
  String otlpEndpoint() {
    return sink.endpoint();
  }

  /** Where Prometheus scrapes what arrived: {@code 127.0.0.1:port}, path {@code /metrics}. */
  String address() {
    return Loopback.endpoint(http.getAddress().getPort());
  }

  /** The names of the metrics received so far, e.g. {@code kubelet_node_name}. */
  List<String> names() {
    return sink.metricPoints().stream().map(OtlpSink.MetricPoint::name).distinct().toList();
  }

  /** The latest value of every gauge and sum series, one Prometheus text line each. */
  private String render() {
    Map<String, Double> latest = new TreeMap<>();
    for (OtlpSink.MetricPoint p : sink.metricPoints()) {
      if (!Double.isNaN(p.value())) {
        latest.put(p.name() + labels(p), p.value());
      }
    }
    StringBuilder out = new StringBuilder();
    latest.forEach((s, v) -> out.append(s).append(' ').append(v).append('\n'));
    return out.toString();
  }

  private static String labels(OtlpSink.MetricPoint p) {
    Map<String, String> labels = new TreeMap<>();
    p.resource().forEach((k, v) -> labels.put(k.replaceAll("[^a-zA-Z0-9_]", "_"), v));
    labels.putAll(p.attributes());
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  @Override
  public void close() {
    http.stop(0);
    sink.close();
  }
}
