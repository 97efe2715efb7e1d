package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Scenario 2, graceful stop with data still queued, as Kubernetes stops a pod: the preStop hook
 * sleeps, then the collector gets {@code SIGTERM} and has what is left of {@code
 * terminationGracePeriodSeconds} before {@code SIGKILL}. The backend answers each export only after
 * half the exporter timeout, so exports are in flight and requests queued when the signal arrives.
 * The replica then starts again on the same storage and everything must arrive.
 */
final class GracefulStop {
  private static final Duration DELIVERY = Duration.ofMinutes(4);

  private GracefulStop() {}

  /**
   * The scenario's figures.
   *
   * @param gracePeriodSeconds the pods' terminationGracePeriodSeconds
   * @param preStopSeconds the preStop sleep
   * @param queuedAtSigterm size of the exporters' queues when SIGTERM was sent
   * @param queueUnit the unit of that size, the queues' {@code sizer}
   * @param drainSeconds from SIGTERM to the process's exit
   * @param spans span delivery after the restart
   */
  record Figures(
      int gracePeriodSeconds,
      int preStopSeconds,
      long queuedAtSigterm,
      String queueUnit,
      double drainSeconds,
      Delivery spans) {
    /** Whether preStop plus the drain fit in the grace period, i.e. no SIGKILL was needed. */
    boolean withinGracePeriod() {
      return preStopSeconds + drainSeconds <= gracePeriodSeconds;
    }
  }

  /** The traces exporter's per-request timeout. */
  private static Duration exporterTimeout(GeneratedStack stack) {
    String timeout = String.valueOf(coralogixTraces(stack).get("timeout"));
    return Duration.ofSeconds(Long.parseLong(timeout.replace("s", "")));
  }

  /** The traces exporter's sending queue settings, with its timeout. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> coralogixTraces(GeneratedStack stack) {
    Map<String, Object> exporter =
        ((Map<String, Map<String, Object>>) stack.statefulSetConfig().get("exporters"))
            .entrySet().stream()
                .filter(e -> e.getKey().startsWith("coralogix/traces"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no coralogix/traces exporter"));
    Map<String, Object> out =
        new java.util.LinkedHashMap<>((Map<String, Object>) exporter.get("sending_queue"));
    out.put("timeout", exporter.get("timeout"));
    return out;
  }

  /** Runs the scenario with {@code traces} error traces of 5 spans. */
  static Figures run(GeneratedStack stack, int traces) {
    Path work = LocalCollectors.tempDir("graceful");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      sink.delay(exporterTimeout(stack).dividedBy(2));
      sts.start(0);
      // The sampler has released every trace to the exporter's queue: what is left is queued.
      List<String> spanIds = sts.sendErrorTracesAndAwaitDecision(0, traces, 5, DELIVERY);
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
          String.valueOf(coralogixTraces(stack).get("sizer")),
          drain.toMillis() / 1000.0,
          Delivery.of("spans", spanIds, sink.spans()));
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }
}
