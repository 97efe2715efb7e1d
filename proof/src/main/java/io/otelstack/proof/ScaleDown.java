package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Scenario 8, a scale-down after an outage: three StatefulSet replicas whose sampled-trace queues
 * filled while the backend was down, then the highest ordinal removed the way the StatefulSet
 * removes it: the preStop sleep, {@code SIGTERM}, at most the rest of {@code
 * terminationGracePeriodSeconds}, and no restart. With {@code whenScaled: Retain} its queue
 * directory (the PVC) stays; whatever is still in it is stranded until the ordinal comes back.
 *
 * <p>The scale-down starts either the moment the backend answers again or while it is still down.
 * What the removed replica left behind is counted at the sink once the two remaining replicas have
 * delivered everything they queued. Then the removed ordinal is started again on its retained
 * directory, as a scale-up (or the runbook's recovery) would re-attach its PVC.
 */
final class ScaleDown {
  private static final int REPLICAS = 3;
  private static final int REMOVED = REPLICAS - 1;
  private static final int SPANS_PER_TRACE = 5;
  private static final String SAMPLED =
      "otelcol_processor_tail_sampling_global_count_traces_sampled";
  private static final String TRACES_EXPORTER = "exporter=\"coralogix/traces\"";
  private static final Duration DELIVERY = Duration.ofMinutes(4);

  private ScaleDown() {}

  /**
   * The scenario's figures, in spans.
   *
   * @param backendUpAtScaleDown whether the backend answered when the preStop began
   * @param outageSeconds how long the backend was down before the scale-down began
   * @param gracePeriodSeconds the pods' terminationGracePeriodSeconds
   * @param preStopSeconds the preStop sleep
   * @param sent spans the replicas acknowledged
   * @param queuedAtPreStop spans in the removed replica's queue when the preStop began
   * @param drainSeconds from the preStop's start until the removed replica's queue was empty; -1
   *     when it was not empty at SIGTERM
   * @param queuedAtSigterm spans in the removed replica's queue when SIGTERM was sent
   * @param exitSeconds from SIGTERM to the removed replica's exit
   * @param exitCode the removed replica's exit status
   * @param stranded spans missing at the sink once the remaining replicas had delivered theirs
   * @param recovered delivery of every span once the removed ordinal ran again on its directory
   * @param recoverySeconds from the re-attached replica's start to the last span at the sink
   */
  record Figures(
      boolean backendUpAtScaleDown,
      int outageSeconds,
      int gracePeriodSeconds,
      int preStopSeconds,
      long sent,
      long queuedAtPreStop,
      double drainSeconds,
      long queuedAtSigterm,
      double exitSeconds,
      int exitCode,
      long stranded,
      Delivery recovered,
      double recoverySeconds) {
    /** Whether preStop plus the shutdown fit in the grace period, i.e. no SIGKILL was needed. */
    boolean withinGracePeriod() {
      return preStopSeconds + exitSeconds <= gracePeriodSeconds;
    }
  }

  /**
   * Runs the scenario with {@code traces} error traces, all kept by the sampler.
   *
   * @param outage how long the backend stays down once the traces are queued; the longer, the
   *     further the exporters' retry backoff has grown towards its maximum interval
   */
  static Figures run(
      GeneratedStack stack, int traces, Duration outage, boolean backendUpAtScaleDown) {
    int preStopSeconds = stack.preStopSeconds();
    Path work = LocalCollectors.tempDir("scale-down");
    try (OtlpSink sink = new OtlpSink();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, REPLICAS, work, sink, app)) {
      for (int i = 0; i < REPLICAS; i++) {
        sts.start(i);
      }
      // The outage: every kept trace waits in the queue of the replica that owns its trace ID.
      List<String> spanIds =
          sts.sendErrorTracesAndAwaitDecision(0, traces, SPANS_PER_TRACE, DELIVERY);

      Await.sleep(outage);
      if (backendUpAtScaleDown) {
        sink.start();
      }
      long queuedAtPreStop = queued(sts, REMOVED);
      // The preStop sleep: the process still runs, so its exporters keep sending.
      long preStopStart = System.nanoTime();
      long preStopEnd = preStopStart + Duration.ofSeconds(preStopSeconds).toNanos();
      double drainSeconds = -1;
      while (System.nanoTime() < preStopEnd) {
        if (drainSeconds < 0 && queued(sts, REMOVED) == 0) {
          drainSeconds = (System.nanoTime() - preStopStart) / 1e9;
        }
        Await.sleep(Duration.ofMillis(200));
      }
      long queuedAtSigterm = queued(sts, REMOVED);
      Duration exit =
          sts.process(REMOVED)
              .terminate(Duration.ofSeconds(stack.gracePeriodSeconds() - preStopSeconds));
      int exitCode = sts.process(REMOVED).exitCode();
      sink.start();

      for (int i = 0; i < REMOVED; i++) {
        int replica = i;
        Await.until(
            DELIVERY,
            "replica " + replica + " to deliver every span it queued",
            () -> queued(sts, replica) == 0);
      }
      Await.sleep(Duration.ofSeconds(2));
      long stranded = Delivery.of("spans", spanIds, sink.spans()).lost();

      long start = System.nanoTime();
      sts.start(REMOVED);
      Await.poll(DELIVERY, () -> sink.spans().keySet().containsAll(spanIds));
      double recoverySeconds = (System.nanoTime() - start) / 1e9;
      return new Figures(
          backendUpAtScaleDown,
          (int) outage.toSeconds(),
          stack.gracePeriodSeconds(),
          preStopSeconds,
          spanIds.size(),
          queuedAtPreStop,
          drainSeconds,
          queuedAtSigterm,
          exit.toMillis() / 1000.0,
          exitCode,
          stranded,
          Delivery.of("spans", spanIds, sink.spans()),
          recoverySeconds);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** Spans replica {@code i} kept but has not delivered yet: in its queue or in flight. */
  private static long queued(LocalCollectors sts, int i) {
    String metrics = sts.telemetryEndpoint(i);
    double kept = SelfMetrics.sum(metrics, SAMPLED, "sampled=\"true\"") * SPANS_PER_TRACE;
    double sent = SelfMetrics.sum(metrics, "otelcol_exporter_sent_spans", TRACES_EXPORTER);
    return Math.round(kept - sent);
  }
}
