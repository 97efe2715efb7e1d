package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Scenario 2, graceful stop with data still queued, as Kubernetes stops a pod: the pod leaves the
 * Service (the load stops), the preStop hook sleeps, then the collector gets {@code SIGTERM} and
 * has what is left of {@code terminationGracePeriodSeconds} before {@code SIGKILL}. The backend is
 * slow, so the queues are not empty when the signal arrives. The replica then starts again on the
 * same storage and everything must arrive.
 */
final class GracefulStop {
  private static final Duration SLOW_BACKEND = Duration.ofMillis(400);
  private static final Duration DELIVERY = Duration.ofMinutes(4);

  private GracefulStop() {}

  /**
   * The scenario's figures.
   *
   * @param gracePeriodSeconds the pods' terminationGracePeriodSeconds
   * @param preStopSeconds the preStop sleep
   * @param queuedAtSigterm requests in the exporters' queues when SIGTERM was sent
   * @param drainSeconds from SIGTERM to the process's exit
   * @param spans span delivery after the restart
   */
  record Figures(
      int gracePeriodSeconds,
      int preStopSeconds,
      long queuedAtSigterm,
      double drainSeconds,
      Delivery spans) {
    /** Whether preStop plus the drain fit in the grace period, i.e. no SIGKILL was needed. */
    boolean withinGracePeriod() {
      return preStopSeconds + drainSeconds <= gracePeriodSeconds;
    }
  }

  /** Runs the scenario with {@code traces} error traces of 5 spans. */
  static Figures run(GeneratedStack stack, int traces) {
    Path work = LocalCollectors.tempDir("graceful");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts =
            new LocalCollectors(
                "otel-metrics",
                stack.statefulSetConfig(),
                PodEnvironment.of(stack.statefulSetValues()),
                1,
                work,
                sink,
                work.resolve("pods"),
                stack.scrapeTarget(app.address()))) {
      sink.delay(SLOW_BACKEND);
      sts.start(0);
      List<String> spanIds = new ArrayList<>();
      try (OtlpLoad load = new OtlpLoad(sts.otlpEndpoint(0))) {
        for (SpanData s :
            load.sendSpans(OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, traces, 5, 0))) {
          spanIds.add(s.getTraceId() + "/" + s.getSpanId());
        }
      }
      Await.sleep(Duration.ofSeconds(stack.preStopSeconds()));
      long queued = (long) SelfMetrics.sum(sts.telemetryEndpoint(0), "otelcol_exporter_queue_size");
      Duration drain =
          sts.process(0).terminate(Duration.ofSeconds(stack.gracePeriodSeconds() + 60L));

      sink.delay(Duration.ZERO);
      sts.start(0);
      Await.poll(DELIVERY, () -> sink.spans().keySet().containsAll(spanIds));
      Await.sleep(Duration.ofSeconds(5));
      return new Figures(
          stack.gracePeriodSeconds(),
          stack.preStopSeconds(),
          queued,
          drain.toMillis() / 1000.0,
          Delivery.of("spans", spanIds, sink.spans()));
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }
}
