package io.otelstack.proof;

import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The stand-in for Coralogix: an OTLP/gRPC server on 127.0.0.1 that records everything the
 * collector's coralogix exporter delivers, keyed by trace and span IDs, metric series and log
 * record IDs, so a scenario can count what arrived, what arrived twice and what never arrived.
 *
 * <p>Its port is reserved before it starts, so a collector can be configured to send to a backend
 * that is down and the sink brought up later on the same address.
 */
final class OtlpSink implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private final int port;
  private final Map<String, Integer> spans = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> traces = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<MetricPoint> metricPoints = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<ReceivedLog> logs = new ConcurrentLinkedQueue<>();
  private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  private final AtomicLong spanArrivals = new AtomicLong();
  private final Map<Signal, io.grpc.Status> refusals = new ConcurrentHashMap<>();
  private volatile long delayMillis;
  private volatile Consumer<List<MetricPoint>> metricsConsumer;
  private Server server;

  /** The three signals, each with its own export service. */
  enum Signal {
    TRACES,
    METRICS,
    LOGS
  }

  /** A sink on a reserved loopback port, not yet listening. */
  OtlpSink() {
    this.port = Loopback.freePort();
  }

  /** Where the coralogix exporter sends: {@code 127.0.0.1:port}. */
  String endpoint() {
    return Loopback.endpoint(port);
  }

  /** Starts listening (the backend comes up). */
  synchronized OtlpSink start() {
    if (server != null) {
      return this;
    }
    ServerInterceptor captureAuth =
        new ServerInterceptor() {
          @Override
          public <Q, R> ServerCall.Listener<Q> interceptCall(
              ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
            String auth = headers.get(AUTHORIZATION);
            authorizations.add(auth == null ? "" : auth.replaceAll("\\s.*", " <key>"));
            return next.startCall(call, headers);
          }
        };
    try {
      server =
          NettyServerBuilder.forAddress(new InetSocketAddress(Loopback.HOST, port))
              .maxInboundMessageSize(64 * 1024 * 1024)
              .addService(ServerInterceptors.intercept(new Traces(), captureAuth))
              .addService(ServerInterceptors.intercept(new Metrics(), captureAuth))
              .addService(ServerInterceptors.intercept(new Logs(), captureAuth))
              .build()
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Stops listening at once (the backend goes down); what was recorded stays. */
  synchronized void stop() {
    if (server == null) {
      return;
    }
    server.shutdownNow();
    try {
      server.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server = null;
  }

  /** Makes every export call wait before answering: a slow backend, so data stays queued. */
  void delay(Duration delay) {
    this.delayMillis = delay.toMillis();
  }

  @Override
  public void close() {
    stop();
  }

  /** Distinct spans received, keyed {@code traceId/spanId}, with how often each arrived. */
  Map<String, Integer> spans() {
    return spans;
  }

  /** Span IDs received per trace ID. */
  Map<String, Set<String>> traces() {
    return traces;
  }

  /** Every span delivery, duplicates included; grows monotonically, for rate measurements. */
  long spanArrivals() {
    return spanArrivals.get();
  }

  /** Every metric data point received, unless {@link #metricsTo} took them. */
  List<MetricPoint> metricPoints() {
    return new ArrayList<>(metricPoints);
  }

  /**
   * Hands every metric data point received from now on to {@code consumer} instead of keeping it:
   * for long scenarios whose metrics would otherwise pile up here.
   */
  void metricsTo(Consumer<List<MetricPoint>> consumer) {
    this.metricsConsumer = consumer;
  }

  /** Every log record received. */
  List<ReceivedLog> logs() {
    return new ArrayList<>(logs);
  }

  /**
   * The authorization headers seen, with the key itself masked: proof that the exporter sent {@code
   * Bearer <key>} without the report ever holding a key.
   */
  Set<String> authorizations() {
    return Set.copyOf(authorizations);
  }

  /**
   * Makes every export call of one signal fail with {@code status}: {@code UNAVAILABLE} for an
   * ingress that is down or throttling, {@code INVALID_ARGUMENT} for data it rejects for good. The
   * backend stays up for the other signals. Null accepts again.
   */
  void refuse(Signal signal, io.grpc.Status status) {
    if (status == null) {
      refusals.remove(signal);
    } else {
      refusals.put(signal, status);
    }
  }

  /** Waits when delayed; true when the call must be refused instead of recorded. */
  private boolean pause(Signal signal, StreamObserver<?> response) {
    if (delayMillis > 0) {
      Await.sleep(Duration.ofMillis(delayMillis));
    }
    io.grpc.Status status = refusals.get(signal);
    if (status != null) {
      response.onError(status.asRuntimeException());
      return true;
    }
    return false;
  }

  private final class Traces extends TraceServiceGrpc.TraceServiceImplBase {
    @Override
    public void export(
        ExportTraceServiceRequest request, StreamObserver<ExportTraceServiceResponse> response) {
      if (pause(Signal.TRACES, response)) {
        return;
      }
      HexFormat hex = HexFormat.of();
      request
          .getResourceSpansList()
          .forEach(
              rs ->
                  rs.getScopeSpansList()
                      .forEach(
                          ss -> {
                            for (Span s : ss.getSpansList()) {
                              String trace = hex.formatHex(s.getTraceId().toByteArray());
                              String span = hex.formatHex(s.getSpanId().toByteArray());
                              spans.merge(trace + "/" + span, 1, Integer::sum);
                              traces
                                  .computeIfAbsent(trace, t -> ConcurrentHashMap.newKeySet())
                                  .add(span);
                              spanArrivals.incrementAndGet();
                            }
                          }));
      response.onNext(ExportTraceServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  private final class Metrics extends MetricsServiceGrpc.MetricsServiceImplBase {
    @Override
    public void export(
        ExportMetricsServiceRequest request,
        StreamObserver<ExportMetricsServiceResponse> response) {
      if (pause(Signal.METRICS, response)) {
        return;
      }
      List<MetricPoint> points = OtlpDecoding.metricPoints(request);
      Consumer<List<MetricPoint>> consumer = metricsConsumer;
      if (consumer == null) {
        metricPoints.addAll(points);
      } else {
        consumer.accept(points);
      }
      response.onNext(ExportMetricsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  private final class Logs extends LogsServiceGrpc.LogsServiceImplBase {
    @Override
    public void export(
        ExportLogsServiceRequest request, StreamObserver<ExportLogsServiceResponse> response) {
      if (pause(Signal.LOGS, response)) {
        return;
      }
      logs.addAll(OtlpDecoding.logs(request));
      response.onNext(ExportLogsServiceResponse.getDefaultInstance());
      response.onCompleted();
    }
  }

  /**
   * One received metric data point.
   *
   * @param name metric name
   * @param resource resource attributes
   * @param attributes data point attributes
   * @param timeUnixNano the point's timestamp
   * @param prometheusSeries how many Prometheus series the point stands for (histogram buckets)
   * @param value the value of a gauge or sum point; NaN for histograms and summaries
   * @param bucketCounts a histogram point's count per bucket; empty for other points
   */
  record MetricPoint(
      String name,
      Map<String, String> resource,
      Map<String, String> attributes,
      long timeUnixNano,
      int prometheusSeries,
      double value,
      List<Long> bucketCounts) {
    /** The series identity: name, resource and point attributes, without the timestamp. */
    String series() {
      return name + resource + attributes;
    }
  }

  /**
   * One received log record.
   *
   * @param body the body as text
   * @param attributes the record's attributes
   * @param severityNumber the OTLP severity number (0 when unset)
   * @param resource the attributes of the record's resource
   */
  record ReceivedLog(
      String body,
      Map<String, String> attributes,
      int severityNumber,
      Map<String, String> resource) {}
}
