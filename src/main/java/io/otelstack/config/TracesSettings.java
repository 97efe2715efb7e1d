package io.otelstack.config;

/**
 * Tail sampling of traces.
 *
 * <p>That the decision wait is longer than the slow-trace threshold is the construct's rule ({@code
 * MetricsTracesStatefulSetProps}), checked once there.
 *
 * @param samplingPercentage share of ordinary traces kept, 0 to 100
 * @param hashSeed seed of the trace ID hash; collectors that share it keep the same traces
 * @param keepErrors whether every trace with an error span is kept
 * @param slowTraceThresholdMs traces at least this long are always kept
 * @param decisionWaitSeconds time from a trace's first span to its sampling decision
 * @param spanMetrics span metrics from every span, before sampling
 */
public record TracesSettings(
    double samplingPercentage,
    int hashSeed,
    boolean keepErrors,
    int slowTraceThresholdMs,
    int decisionWaitSeconds,
    SpanMetricsSettings spanMetrics) {}
