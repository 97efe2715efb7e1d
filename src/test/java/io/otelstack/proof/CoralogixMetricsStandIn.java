package io.otelstack.proof;

import com.sun.net.httpserver.HttpServer;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A named stand-in for Coralogix's metric store, not a real part: an OTLP/gRPC metrics endpoint on
 * 127.0.0.1 that keeps the latest value of every gauge and sum series it receives, and serves them
 * as Prometheus text for the proof's Prometheus to scrape. Labels are what Coralogix makes of an
 * OTLP point: its attributes plus its resource's attributes with {@code .} as {@code _}, among them
 * {@code cx_application_name}, which the real coralogix exporter sets from its configuration.
 *
 * <p>It exists so that series the collectors scrape reach the alert queries through the real
 * pipeline (receiver, scrape relabeling, processors, exporter) rather than being served to
 * Prometheus directly.
 */
final class CoralogixMetricsStandIn implements AutoCloseable {
  private final Map<String, Double> series = new TreeMap<>();
  private final Server grpc;
  private final HttpServer http;

  /** Starts both endpoints on free loopback ports. */
  CoralogixMetricsStandIn() {
    int port = Loopback.freePort();
    try {
      grpc =
          NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.HOST, port))
              .addService(new Metrics())
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http = PrometheusEndpoint.serve(this::render);
  }

  /** Where the coralogix exporter sends: {@code 127.0.0.1:port}. */
  String otlpEndpoint() {
    return Loopback.endpoint(grpc.getPort());
  }

  /** Where Prometheus scrapes what arrived: {@code 127.0.0.1:port}, path {@code /metrics}. */
  String address() {
    return Loopback.endpoint(http.getAddress().getPort());
  }

  /** The names of the series received so far, e.g. {@code kubelet_node_name}. */
  synchronized List<String> names() {
    return series.keySet().stream().map(s -> s.substring(0, s.indexOf('{'))).distinct().toList();
  }

  private synchronized String render() {
    StringBuilder out = new StringBuilder();
    series.forEach((s, v) -> out.append(s).append(' ').append(v).append('\n'));
    return out.toString();
  }

  private synchronized void record(
      String name, Map<String, String> resource, NumberDataPoint point) {
    Map<String, String> labels = new TreeMap<>();
    resource.forEach((k, v) -> labels.put(k.replaceAll("[^a-zA-Z0-9_]", "_"), v));
    labels.putAll(attributes(point.getAttributesList()));
    String key =
        name
            + labels.entrySet().stream()
                .map(e -> e.getKey() + "=\"" + e.getValue().replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(",", "{", "}"));
    double value =
        point.getValueCase() == NumberDataPoint.ValueCase.AS_INT
            ? point.getAsInt()
            : point.getAsDouble();
    series.put(key, value);
  }

  private static Map<String, String> attributes(List<KeyValue> kvs) {
    Map<String, String> out = new TreeMap<>();
    kvs.forEach(kv -> out.put(kv.getKey(), kv.getValue().getStringValue()));
    return out;
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> response) {
      request
          .getResourceMetricsList()
          .forEach(
              rm -> {
                Map<String, String> resource = attributes(rm.getResource().getAttributesList());
                rm.getScopeMetricsList()
                    .forEach(sm -> sm.getMetricsList().forEach(m -> points(resource, m)));
              });
      response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }

    /** Gauges and sums only: the series the cluster-side alerts read are gauges. */
    private void points(Map<String, String> resource, Metric m) {
      List<NumberDataPoint> points =
          switch (m.getDataCase()) {
            case GAUGE -> m.getGauge().getDataPointsList();
            case SUM -> m.getSum().getDataPointsList();
            default -> List.of();
          };
      points.forEach(p -> record(m.getName(), resource, p));
    }
  }

  @Override
  public void close() {
    http.stop(0);
    grpc.shutdownNow();
    try {
      grpc.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
