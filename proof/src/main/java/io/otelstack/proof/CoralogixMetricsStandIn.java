package io.otelstack.proof;

import com.sun.net.httpserver.HttpServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A named stand-in for Coralogix's metric store, not a real part: it takes every metric point the
 * collectors' coralogix exporters deliver to the {@link OtlpSink} standing in for Coralogix's
 * ingress, and serves each series' latest sample, with the sample's own timestamp, as Prometheus
 * text for the proof's Prometheus (which stands in for Coralogix's PromQL engine) to scrape.
 *
 * <p>What Coralogix makes of an OTLP point on ingest, as modelled here:
 *
 * <ul>
 *   <li>every resource attribute and every point attribute becomes a label, its name with each
 *       character outside {@code [a-zA-Z0-9_]} replaced by {@code _}: {@code service.name} becomes
 *       {@code service_name}, {@code k8s.pod.name} {@code k8s_pod_name};
 *   <li>{@code cx_application_name} and {@code cx_subsystem_name} arrive that way too: the
 *       coralogix exporter sets {@code cx.application.name} and {@code cx.subsystem.name} on every
 *       resource from its configuration;
 *   <li>no label is added on ingest beyond these ({@link #ADDED_ON_INGEST}, where one would go, is
 *       empty): every label a query reads comes from the collectors' pipelines;
 *   <li>metric names get the same replacement ({@code processor_filter_logs.filtered} becomes
 *       {@code processor_filter_logs_filtered}) and no suffix ({@code _total}, a unit);
 *   <li>two attributes of one point that name the same label with different values are a conflict
 *       whose outcome in Coralogix is not modelled: the point is not served, and the conflict is
 *       recorded ({@link #conflicts()}) for the scenario to fail on.
 * </ul>
 *
 * Gauges and sums are served; histograms and summaries, which no alert reads, are not.
 */
final class CoralogixMetricsStandIn implements AutoCloseable {
  /** Labels Coralogix adds to every series on ingest, beyond the attributes' own: none. */
  static final Map<String, String> ADDED_ON_INGEST = Map.of();

  private final Map<String, Sample> latest = new TreeMap<>();
  private final Set<String> names = new TreeSet<>();
  private final Map<String, String> conflicts = new TreeMap<>();
  private final HttpServer http = PrometheusEndpoint.serve(this::render);

  private record Sample(double value, long timeMillis) {}

  /** Starts serving what {@code sink} receives from now on (the sink keeps no metric points). */
  CoralogixMetricsStandIn(OtlpSink sink) {
    sink.metricsTo(this::ingest);
  }

  /** Where Prometheus scrapes what arrived: {@code 127.0.0.1:port}, path {@code /metrics}. */
  String address() {
    return Loopback.endpoint(http.getAddress().getPort());
  }

  /** The names of the metrics received so far, e.g. {@code kubelet_node_name}. */
  synchronized List<String> names() {
    return new ArrayList<>(names);
  }

  /**
   * Label conflicts seen so far, the first per metric name, e.g. {@code otelcol_process_uptime} to
   * {@code service_name from service.name=a and service_name=b}.
   */
  synchronized Map<String, String> conflicts() {
    return Map.copyOf(conflicts);
  }

  private synchronized void ingest(List<OtlpSink.MetricPoint> points) {
    for (OtlpSink.MetricPoint p : points) {
      names.add(p.name());
      if (Double.isNaN(p.value())) {
        continue;
      }
      String labels = labels(p);
      if (labels == null) {
        continue;
      }
      String series = p.name().replaceAll("[^a-zA-Z0-9_:]", "_") + labels;
      long millis = p.timeUnixNano() / 1_000_000;
      Sample previous = latest.get(series);
      if (previous == null || previous.timeMillis() <= millis) {
        latest.put(series, new Sample(p.value(), millis));
      }
    }
  }

  /** The point's labels in Prometheus text, or null (and a recorded conflict) if two collide. */
  private String labels(OtlpSink.MetricPoint p) {
    Map<String, String> labels = new TreeMap<>(ADDED_ON_INGEST);
    Map<String, String> from = new TreeMap<>();
    List<Map<String, String>> sources = List.of(p.resource(), p.attributes());
    for (Map<String, String> source : sources) {
      for (Map.Entry<String, String> a : source.entrySet()) {
        String name = a.getKey().replaceAll("[^a-zA-Z0-9_]", "_");
        String before = labels.putIfAbsent(name, a.getValue());
        if (before != null && !before.equals(a.getValue())) {
          conflicts.putIfAbsent(
              p.name(),
              name
                  + " from "
                  + from.get(name)
                  + "="
                  + before
                  + " and "
                  + a.getKey()
                  + "="
                  + a.getValue());
          return null;
        }
        from.putIfAbsent(name, a.getKey());
      }
    }
    return labels.entrySet().stream()
        .map(e -> e.getKey() + "=\"" + escape(e.getValue()) + "\"")
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /** The latest sample of every series, one Prometheus text line each, with its timestamp. */
  private synchronized String render() {
    StringBuilder out = new StringBuilder();
    latest.forEach(
        (s, v) ->
            out.append(s)
                .append(' ')
                .append(v.value())
                .append(' ')
                .append(v.timeMillis())
                .append('\n'));
    return out.toString();
  }

  @Override
  public void close() {
    http.stop(0);
  }
}
