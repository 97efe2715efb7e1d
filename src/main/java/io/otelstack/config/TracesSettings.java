package io.otelstack.config;

/**
 * Tail sampling of traces.
 *
 * <p>Rule checked when loaded: the decision wait is longer than the slow-trace threshold, or a slow
 * trace would be judged before it ends.
 *
 * @param samplingPercentage share of ordinary traces kept, 0 to 100
 * @param hashSeed seed of the trace ID hash; collectors that share it keep the same traces
 * @param keepErrors whether every trace with an error span is kept
 * @param slowTraceThresholdMs traces at least this long are always kept
 * @param decisionWaitSeconds time from a trace's first span to its sampling decision
 */
public record TracesSettings(
    double samplingPercentage,
    int hashSeed,
    boolean keepErrors,
    int slowTraceThresholdMs,
    int decisionWaitSeconds) {

  void check(Problems p) {
    if (decisionWaitSeconds * 1000L <= slowTraceThresholdMs) {
      p.add(
          p.path("decisionWaitSeconds")
              + " ("
              + decisionWaitSeconds
              + " s) must be longer than "
              + p.path("slowTraceThresholdMs")
              + " ("
              + slowTraceThresholdMs
              + " ms): the sampler decides after the wait, so a slower trace is judged before it"
              + " ends; raise decisionWaitSeconds or lower the threshold");
    }
  }
}
