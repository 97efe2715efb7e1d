package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Scenario 3, tail sampling across two replicas: fast all-OK traces, traces with an error and
 * traces slower than the threshold, each of several spans, with every trace's spans split between
 * the two replicas the way a Service spreads them. The loadbalancing exporter (over a static
 * resolver of the two replicas' sampling ports) must bring each trace together before the sampler
 * decides on it.
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
   */
  record Figures(
      double configuredPercentage,
      double slowThresholdMs,
      Kept fastOk,
      Kept errors,
      Kept slow,
      int incompleteKeptTraces,
      long spansSent,
      long spansDelivered) {
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

    // Alternate spans between the replicas so that every trace arrives split in two.
    List<SpanData> toFirst = new ArrayList<>();
    List<SpanData> toSecond = new ArrayList<>();
    List<SpanData> all = new ArrayList<>();
    traces.values().forEach(all::addAll);
    for (int i = 0; i < all.size(); i++) {
      (i % 2 == 0 ? toFirst : toSecond).add(all.get(i));
    }
    Collections.shuffle(toFirst, new Random(1));
    Collections.shuffle(toSecond, new Random(2));

    Path work = LocalCollectors.tempDir("sampling");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 2, work, sink, app)) {
      sts.start(0);
      sts.start(1);
      long sent;
      try (OtlpLoad first = new OtlpLoad(sts.otlpEndpoint(0));
          OtlpLoad second = new OtlpLoad(sts.otlpEndpoint(1))) {
        sent = first.sendSpans(toFirst).size() + second.sendSpans(toSecond).size();
      }
      Await.sleep(stack.decisionWait());
      Await.settle(SETTLE, DELIVERY, sink::spanArrivals);

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
          sink.spans().size());
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }
}
