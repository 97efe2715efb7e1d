package io.otelstack.proof;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Load from the OpenTelemetry Java SDK, sent over OTLP/gRPC to a collector on 127.0.0.1.
 *
 * <p>Spans and metric points are produced with the SDK's own tracer and meter, collected, and
 * exported in batches through the SDK's OTLP exporters. (Logs reach the collectors as container log
 * files, the only way the design takes them in; see {@link PodLogs}.) A batch counts as sent only
 * once the collector acknowledged it, so "delivered / sent" compares the sink with what the
 * collector accepted; a refused batch is retried, within a deadline.
 */
final class OtlpLoad implements AutoCloseable {
  /** The attribute carrying a metric point's unique ID. */
  static final AttributeKey<String> ID = AttributeKey.stringKey("proof.id");

  private static final int BATCH = 512;
  private static final Duration SEND_DEADLINE = Duration.ofSeconds(120);
  private static final Resource RESOURCE =
      Resource.getDefault().merge(Resource.builder().put("service.name", "proof-load").build());

  private final OtlpGrpcSpanExporter spanExporter;
  private final OtlpGrpcMetricExporter metricExporter;

  /** Exporters to the collector's OTLP/gRPC receiver at {@code 127.0.0.1:port}. */
  OtlpLoad(String endpoint) {
    String url = "http://" + endpoint;
    this.spanExporter =
        OtlpGrpcSpanExporter.builder().setEndpoint(url).setTimeout(Duration.ofSeconds(10)).build();
    this.metricExporter =
        OtlpGrpcMetricExporter.builder()
            .setEndpoint(url)
            .setTimeout(Duration.ofSeconds(10))
            .setAggregationTemporalitySelector(t -> AggregationTemporality.DELTA)
            .build();
  }

  /** The shape of one synthetic trace. */
  enum TraceKind {
    /** Every span OK, the whole trace well under the latency threshold. */
    FAST_OK,
    /** One child span has status ERROR; fast. */
    ERROR,
    /** All OK, but the root span lasts longer than the latency threshold. */
    SLOW
  }

  /**
   * Builds traces with the SDK tracer: a root span and {@code spansPerTrace - 1} children.
   *
   * @param slowMillis how long a SLOW trace's root lasts
   */
  static List<SpanData> traces(TraceKind kind, int count, int spansPerTrace, long slowMillis) {
    List<SpanData> out = new ArrayList<>();
    SpanProcessor collect =
        new SpanProcessor() {
          @Override
          public void onStart(Context parent, ReadWriteSpan span) {}

          @Override
          public boolean isStartRequired() {
            return false;
          }

          @Override
          public void onEnd(ReadableSpan span) {
            out.add(span.toSpanData());
          }

          @Override
          public boolean isEndRequired() {
            return true;
          }
        };
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder().setResource(RESOURCE).addSpanProcessor(collect).build()) {
      Tracer tracer = provider.get("otel-stack-proof");
      long t0 = TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis());
      long ms = TimeUnit.MILLISECONDS.toNanos(1);
      for (int t = 0; t < count; t++) {
        Span root =
            tracer
                .spanBuilder("GET /checkout")
                .setNoParent()
                .setStartTimestamp(t0, TimeUnit.NANOSECONDS)
                .setAttribute("proof.kind", kind.name())
                .startSpan();
        if (kind == TraceKind.ERROR && spansPerTrace == 1) {
          root.setStatus(StatusCode.ERROR, "connection reset");
        }
        Context ctx = Context.root().with(root);
        for (int c = 1; c < spansPerTrace; c++) {
          Span child =
              tracer
                  .spanBuilder("SELECT orders " + c)
                  .setParent(ctx)
                  .setStartTimestamp(t0 + c * ms, TimeUnit.NANOSECONDS)
                  .startSpan();
          if (kind == TraceKind.ERROR && c == 1) {
            child.setStatus(StatusCode.ERROR, "connection reset");
          }
          child.end(t0 + c * ms + 5 * ms, TimeUnit.NANOSECONDS);
        }
        long rootMillis = kind == TraceKind.SLOW ? slowMillis : 20L + spansPerTrace * 5L;
        root.end(t0 + rootMillis * ms, TimeUnit.NANOSECONDS);
      }
    }
    return out;
  }

  /**
   * Metric points from the SDK meter: one counter, {@code perCollection} new series per collection,
   * each point with a unique {@code proof.id}. Delta temporality, so each collection carries only
   * the points recorded since the last one.
   */
  static List<List<MetricData>> metricPoints(String prefix, int count, int perCollection) {
    List<List<MetricData>> out = new ArrayList<>();
    ManualReader reader = new ManualReader();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder()
            .setResource(RESOURCE)
            .registerMetricReader(reader, type -> perCollection + 1)
            .build()) {
      LongCounter counter = provider.get("otel-stack-proof").counterBuilder("proof_points").build();
      for (int i = 0; i < count; i++) {
        counter.add(1, Attributes.of(ID, prefix + i));
        if ((i + 1) % perCollection == 0 || i == count - 1) {
          out.add(List.copyOf(reader.registration.collectAllMetrics()));
        }
      }
    }
    return out;
  }

  /** Exports spans in batches until each is acknowledged; returns the acknowledged spans. */
  List<SpanData> sendSpans(List<SpanData> spans) {
    return send(spans, spanExporter::export);
  }

  /** Exports collections one by one until each is acknowledged; returns those acknowledged. */
  List<List<MetricData>> sendMetrics(List<List<MetricData>> collections) {
    List<List<MetricData>> acked = new ArrayList<>();
    for (List<MetricData> c : collections) {
      if (exportWithRetry(() -> metricExporter.export(c))) {
        acked.add(c);
      }
    }
    return acked;
  }

  private static <T> List<T> send(
      List<T> items, Function<Collection<T>, CompletableResultCode> export) {
    List<T> acked = new ArrayList<>();
    for (int from = 0; from < items.size(); from += BATCH) {
      List<T> batch = items.subList(from, Math.min(items.size(), from + BATCH));
      if (exportWithRetry(() -> export.apply(batch))) {
        acked.addAll(batch);
      }
    }
    return acked;
  }

  private static boolean exportWithRetry(java.util.function.Supplier<CompletableResultCode> call) {
    long deadline = System.nanoTime() + SEND_DEADLINE.toNanos();
    while (System.nanoTime() < deadline) {
      if (call.get().join(30, TimeUnit.SECONDS).isSuccess()) {
        return true;
      }
      Await.sleep(Duration.ofMillis(500));
    }
    return false;
  }

  @Override
  public void close() {
    spanExporter.shutdown().join(10, TimeUnit.SECONDS);
    metricExporter.shutdown().join(10, TimeUnit.SECONDS);
  }

  /** A reader the load generator collects from explicitly, with delta temporality. */
  private static final class ManualReader implements MetricReader {
    private CollectionRegistration registration = CollectionRegistration.noop();

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.DELTA;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
