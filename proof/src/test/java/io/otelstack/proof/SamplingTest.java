package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 3 against two real collector replicas routing by trace ID: what the tail sampler keeps,
 * and the span metrics both replicas count before it from every span.
 */
class SamplingTest {
  private static Sampling.Figures figures;

  @BeforeAll
  static void sampleAcrossTwoReplicas() {
    // 2,000 fast traces put one standard deviation of a 10% sample at 0.7 points, so the
    // +-3 point tolerance is more than four deviations wide.
    figures = Sampling.run(ProofStacks.underProof(), 2_000, 200, 200);
    System.out.println("sampling: " + figures);
  }

  @Test
  void keepsEveryTraceWithAnError() {
    assertThat(figures.errors().kept()).isEqualTo(figures.errors().sent());
  }

  @Test
  void keepsEveryTraceSlowerThanTheThreshold() {
    assertThat(figures.slow().kept()).isEqualTo(figures.slow().sent());
  }

  @Test
  void keepsTheConfiguredPercentageOfFastOkTracesWithinThreePoints() {
    assertThat(figures.okDeviationPoints()).isCloseTo(0, within(3.0));
  }

  @Test
  void deliversEveryKeptTraceWithAllItsSpans() {
    assertThat(figures.incompleteKeptTraces()).isZero();
  }

  @Test
  void spanMetricsCountEverySpanSentNotOnlyTheSampledOnes() {
    assertThat(figures.spansDelivered()).isLessThan(figures.spansSent());
    assertThat(figures.spanMetrics().calls()).isEqualTo(figures.spansSent());
  }

  @Test
  void spanMetricsCountErrorsExactly() {
    assertThat(figures.errorSpansSent()).isPositive();
    assertThat(figures.spanMetrics().errorCalls()).isEqualTo(figures.errorSpansSent());
  }

  @Test
  void spanMetricsLatencyHistogramMatchesTheSentDurationsPerBucket() {
    assertThat(figures.spanMetrics().buckets()).isEqualTo(figures.bucketsSent());
  }

  @Test
  void spanMetricsOfTheTwoReplicasNeverShareASeries() {
    SpanMetricCounts m = figures.spanMetrics();
    assertThat(m.pointsWithoutInstance()).as("calls points without collector.instance.id").isZero();
    assertThat(m.instanceIds()).as("replicas writing span metrics").hasSize(2);
    assertThat(m.nonMonotonicSeries()).as("cumulative series that went down").isZero();
  }
}
