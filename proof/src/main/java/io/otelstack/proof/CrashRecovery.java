package io.otelstack.proof;

import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenario 1, crash with the backend down: N spans and N metric points go to the StatefulSet over
 * OTLP and N log lines are written for the DaemonSet to tail, all while the sink is down. Once the
 * collectors report the data accepted (and the tail sampler has decided), both are killed with
 * {@code SIGKILL}, restarted on the same storage, and the sink comes up.
 *
 * <p>Every trace carries an error, so the sampler keeps them all and delivery can be compared span
 * for span; scenario 3 measures sampling itself. Logs reach the DaemonSet the way they do in the
 * cluster, as container log lines: no pipeline of the design receives OTLP logs.
 */
final class CrashRecovery {
  private static final Duration AT_REST = Duration.ofMinutes(3);
  private static final Duration DELIVERY = Duration.ofMinutes(4);

  private CrashRecovery() {}

  /**
   * The scenario's figures.
   *
   * @param spans span delivery
   * @param metricPoints metric point delivery
   * @param logRecords log line delivery
   * @param recoverySeconds from the restarted collectors' start to the last item at the sink
   * @param authorizations the authorization headers the sink saw, key masked
   */
  record Figures(
      Delivery spans,
      Delivery metricPoints,
      Delivery logRecords,
      double recoverySeconds,
      Set<String> authorizations) {
    /** The three deliveries. */
    List<Delivery> all() {
      return List.of(spans, metricPoints, logRecords);
    }
  }

  /** Runs the scenario with {@code n} items of each signal. */
  static Figures run(GeneratedStack stack, int n) {
    Path work = LocalCollectors.tempDir("crash");
    PodLogs podLogs = new PodLogs(work.resolve("pods"));
    try (OtlpSink sink = new OtlpSink();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts =
            LocalCollectors.statefulSet(
                stack, 1, work, sink, podLogs.root(), stack.scrapeTarget(app.address()));
        LocalCollectors ds =
            LocalCollectors.daemonSet(
                stack, work, sink, podLogs.root(), stack.scrapeTarget(app.address()))) {
      sts.start(0);
      ds.start(0);

      List<String> spanIds = new ArrayList<>();
      List<String> pointIds = new ArrayList<>();
      try (OtlpLoad load = new OtlpLoad(sts.otlpEndpoint(0))) {
        for (SpanData s : load.sendSpans(OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, n / 5, 5, 0))) {
          spanIds.add(s.getTraceId() + "/" + s.getSpanId());
        }
        for (List<MetricData> collection :
            load.sendMetrics(OtlpLoad.metricPoints("crash-", n, 1000))) {
          for (MetricData m : collection) {
            for (PointData p : m.getData().getPoints()) {
              pointIds.add(p.getAttributes().get(OtlpLoad.ID));
            }
          }
        }
      }
      List<String> lineIds = new ArrayList<>();
      List<Path> files = new ArrayList<>();
      for (int f = 0; f < 4; f++) {
        files.add(podLogs.file("shop", "checkout-" + f, "app"));
      }
      for (int from = 0; from < n; from += 1000) {
        List<PodLogs.Line> lines =
            PodLogs.lines(from, Math.min(1000, n - from), List.of(PodLogs.Kind.JSON_INFO));
        PodLogs.append(files.get((from / 1000) % files.size()), lines);
        lines.forEach(l -> lineIds.add(Long.toString(l.id())));
      }

      // At rest: the DaemonSet accepted every line into its queue, the sampler has decided on
      // every trace (its decision wait is the one place data sits only in memory), and the
      // exporters' queues have stopped growing.
      int traces = spanIds.size() / 5;
      Await.until(
          AT_REST,
          "the logs agent to accept " + n + " lines",
          () ->
              SelfMetrics.sum(ds.telemetryEndpoint(0), "otelcol_receiver_accepted_log_records")
                  >= n);
      Await.until(
          AT_REST,
          "the tail sampler to decide on " + traces + " traces",
          () ->
              SelfMetrics.sum(
                      sts.telemetryEndpoint(0),
                      "otelcol_processor_tail_sampling_global_count_traces_sampled")
                  >= traces);
      Await.settle(
          Duration.ofSeconds(3),
          AT_REST,
          () -> (long) SelfMetrics.sum(sts.telemetryEndpoint(0), "otelcol_exporter_queue_size"));

      sts.process(0).kill9();
      ds.process(0).kill9();

      sink.start();
      long restart = System.nanoTime();
      sts.start(0);
      ds.start(0);
      Await.poll(
          DELIVERY,
          () ->
              spanIdsArrived(sink, spanIds)
                  && pointsArrived(sink).size() >= pointIds.size()
                  && linesArrived(sink).size() >= lineIds.size());
      double recovery = (System.nanoTime() - restart) / 1e9;
      // Anything still in flight after the last expected item would show up as a duplicate.
      Await.sleep(Duration.ofSeconds(5));
      return new Figures(
          Delivery.of("spans", spanIds, sink.spans()),
          Delivery.of("metric points", pointIds, pointsArrived(sink)),
          Delivery.of("log records", lineIds, linesArrived(sink)),
          recovery,
          sink.authorizations());
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  private static boolean spanIdsArrived(OtlpSink sink, List<String> ids) {
    return sink.spans().keySet().containsAll(ids);
  }

  private static Map<String, Integer> pointsArrived(OtlpSink sink) {
    Map<String, Integer> out = new HashMap<>();
    for (OtlpSink.MetricPoint p : sink.metricPoints()) {
      String id = p.attributes().get(OtlpLoad.ID.getKey());
      if (id != null) {
        out.merge(id, 1, Integer::sum);
      }
    }
    return out;
  }

  private static Map<String, Integer> linesArrived(OtlpSink sink) {
    Map<String, Integer> out = new HashMap<>();
    for (OtlpSink.ReceivedLog l : sink.logs()) {
      PodLogs.id(l.body()).ifPresent(id -> out.merge(Long.toString(id), 1, Integer::sum));
    }
    return out;
  }
}
