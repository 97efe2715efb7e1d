package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.otelstack.internal.HelmValues;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Scenario 3, tail sampling across two replicas: fast all-OK traces, traces with an error and
 * traces slower than the threshold, each of several spans, with every trace's spans split between
 * the two replicas the way a Service spreads them. The loadbalancing exporter (over a static
 * resolver of the two replicas' sampling ports) must bring each trace together before the sampler
 * decides on it, and the span metrics, counted on each replica before the sampler, must count every
 * span sent.
 *
 * <p>One change to the generated configuration: the span metrics are flushed every second instead
 * of every minute, so the scenario need not wait a minute for the last flush.
 */
final class Sampling {
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration DELIVERY = Duration.ofMinutes(3);

  private Sampling() {}

  /**
   * Kept and sent traces of one kind.
   *
   * @param sent traces sent
   * @param kept traces with at least one span at the sink
   */
  record Kept(int sent, int kept) {
    /** Kept as a fraction of sent. */
    double fraction() {
      return sent == 0 ? 0 : (double) kept / sent;
    }
  }

  /**
   * The scenario's figures.
   *
   * @param configuredPercentage the probabilistic policy's sampling_percentage
   * @param slowThresholdMs the latency policy's threshold
   * @param fastOk kept all-OK fast traces
   * @param errors kept traces with an error
   * @param slow kept slow traces
   * @param incompleteKeptTraces kept traces missing at least one span at the sink
   * @param spansSent spans sent
   * @param spansDelivered spans that reached the sink
   * @param errorSpansSent spans sent with status ERROR
   * @param bucketsSent spans sent per span-metrics duration bucket, by their durations
   * @param spanMetrics what the span metrics counted
   * @param cpuSeconds CPU time both replicas used over the run
   * @param peakRssMib the replicas' peak resident memory, the larger of the two
   */
  record Figures(
      double configuredPercentage,
      double slowThresholdMs,
      Kept fastOk,
      Kept errors,
      Kept slow,
      int incompleteKeptTraces,
      long spansSent,
      long spansDelivered,
      long errorSpansSent,
      List<Long> bucketsSent,
      SpanMetricCounts spanMetrics,
      double cpuSeconds,
      long peakRssMib) {
    /** Share of span volume the sampler removed. */
    double volumeReduction() {
      return 1 - (double) spansDelivered / spansSent;
    }

    /** The fast-OK kept percentage minus the configured one, in percentage points. */
    double okDeviationPoints() {
      return fastOk.fraction() * 100 - configuredPercentage;
    }
  }

  /** Runs the scenario with the given numbers of traces of each kind. */
  static Figures run(GeneratedStack stack, int okTraces, int errorTraces, int slowTraces) {
    return run(stack, okTraces, errorTraces, slowTraces, UnaryOperator.identity());
  }

  /**
   * Runs the scenario on a changed configuration: {@code change} is applied to each replica's
   * configuration after the overlay, e.g. to run without span metrics for a baseline.
   */
  static Figures run(
      GeneratedStack stack,
      int okTraces,
      int errorTraces,
      int slowTraces,
      UnaryOperator<Map<String, Object>> change) {
    int spansPerTrace = 4;
    double threshold = stack.policySetting("latency", "threshold_ms");
    long slowMillis = (long) threshold + 500;
    Map<OtlpLoad.TraceKind, List<SpanData>> traces = new HashMap<>();
    traces.put(
        OtlpLoad.TraceKind.FAST_OK,
        OtlpLoad.traces(OtlpLoad.TraceKind.FAST_OK, okTraces, spansPerTrace, 0));
    traces.put(
        OtlpLoad.TraceKind.ERROR,
        OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, errorTraces, spansPerTrace, 0));
    traces.put(
        OtlpLoad.TraceKind.SLOW,
        OtlpLoad.traces(OtlpLoad.TraceKind.SLOW, slowTraces, spansPerTrace, slowMillis));

    // Alternate spans between the replicas so that every trace arrives split in two, and shift the
    // alternation by one every other trace so that each span name reaches both replicas: both
    // count shares of every span-metric series.
    List<SpanData> toFirst = new ArrayList<>();
    List<SpanData> toSecond = new ArrayList<>();
    List<SpanData> all = new ArrayList<>();
    traces.values().forEach(all::addAll);
    for (int i = 0; i < all.size(); i++) {
      ((i + i / spansPerTrace) % 2 == 0 ? toFirst : toSecond).add(all.get(i));
    }
    Collections.shuffle(toFirst, new Random(1));
    Collections.shuffle(toSecond, new Random(2));

    Path work = LocalCollectors.tempDir("sampling");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 2, work, sink, app)) {
      sts.reconfigure(c -> change.apply(flushEverySecond(c)));
      sts.start(0);
      sts.start(1);
      List<SpanData> acked = new ArrayList<>();
      try (OtlpLoad first = new OtlpLoad(sts.otlpEndpoint(0));
          OtlpLoad second = new OtlpLoad(sts.otlpEndpoint(1))) {
        acked.addAll(first.sendSpans(toFirst));
        acked.addAll(second.sendSpans(toSecond));
      }
      long sent = acked.size();
      Await.sleep(stack.decisionWait());
      Await.settle(SETTLE, DELIVERY, sink::spanArrivals);
      Await.settle(SETTLE, DELIVERY, () -> SpanMetricCounts.of(sink.metricPoints()).calls());
      double cpu = sts.process(0).cpuSeconds() + sts.process(1).cpuSeconds();
      long rss = Math.max(sts.process(0).peakRssKib(), sts.process(1).peakRssKib()) / 1024;

      Map<String, Set<String>> received = sink.traces();
      int incomplete = 0;
      Map<OtlpLoad.TraceKind, Kept> kept = new HashMap<>();
      for (var e : traces.entrySet()) {
        TraceCompleteness c = TraceCompleteness.of(e.getValue(), received);
        kept.put(e.getKey(), new Kept(c.sent(), c.kept()));
        incomplete += c.incomplete();
      }
      return new Figures(
          stack.policySetting("probabilistic", "sampling_percentage"),
          threshold,
          kept.get(OtlpLoad.TraceKind.FAST_OK),
          kept.get(OtlpLoad.TraceKind.ERROR),
          kept.get(OtlpLoad.TraceKind.SLOW),
          incomplete,
          sent,
          sink.spans().size(),
          SpanMetricCounts.errors(acked),
          SpanMetricCounts.expectedBuckets(acked, bucketBoundsMs(stack)),
          SpanMetricCounts.of(sink.metricPoints()),
          cpu,
          rss);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** The span metrics' duration bucket bounds in the generated configuration, in ms. */
  @SuppressWarnings("unchecked")
  static List<Double> bucketBoundsMs(GeneratedStack stack) {
    Map<String, Object> connector = spanMetrics(stack.statefulSetConfig());
    Map<String, Object> histogram = (Map<String, Object>) connector.get("histogram");
    List<Object> buckets =
        (List<Object>) ((Map<String, Object>) histogram.get("explicit")).get("buckets");
    return buckets.stream().map(b -> Double.parseDouble(b.toString().replace("ms", ""))).toList();
  }

  /** The configuration without span metrics: the baseline of their cost. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> withoutSpanMetrics(Map<String, Object> config) {
    Map<String, Object> c = HelmValues.merge(config, Map.of());
    c.remove("connectors");
    Map<String, Object> pipelines =
        (Map<String, Object>) ((Map<String, Object>) c.get("service")).get("pipelines");
    pipelines.remove("metrics/spanmetrics");
    Map<String, Object> traces = (Map<String, Object>) pipelines.get("traces");
    traces.put(
        "exporters",
        ((List<Object>) traces.get("exporters"))
            .stream().filter(e -> !e.toString().startsWith("span_metrics")).toList());
    return c;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spanMetrics(Map<String, Object> config) {
    Map<String, Object> connectors = (Map<String, Object>) config.get("connectors");
    if (connectors == null || !(connectors.get("span_metrics") instanceof Map<?, ?> m)) {
      throw new AssertionError("the StatefulSet has no span_metrics connector");
    }
    return (Map<String, Object>) m;
  }

  private static Map<String, Object> flushEverySecond(Map<String, Object> config) {
    Map<String, Object> c = HelmValues.merge(config, Map.of());
    spanMetrics(c).put("metrics_flush_interval", "1s");
    return c;
  }
}
