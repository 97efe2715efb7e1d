package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 7 against the real collector: the HPA's thresholds sit between idle and loaded. */
class AutoscalingTest {
  private static Autoscaling.Figures figures;

  @BeforeAll
  static void measureIdleAndLoaded() {
    figures =
        Autoscaling.run(
            ProofStacks.underProof(), Duration.ofSeconds(20), 20, Duration.ofSeconds(20));
    System.out.println("autoscaling: " + figures);
  }

  @Test
  void anIdleCollectorStaysBelowBothThresholds() {
    assertThat(figures.idleRssMib()).isLessThan(figures.memoryThresholdMib());
    assertThat(figures.idleCores()).isLessThan(figures.cpuThresholdCores());
  }

  @Test
  void aLoadedCollectorCrossesTheCpuThreshold() {
    assertThat(figures.loadedCores()).isGreaterThan(figures.cpuThresholdCores());
  }

  @Test
  void memoryDoesNotHoldReplicasOnceTheLoadStops() {
    assertThat(figures.settledRssMib()).isLessThan(figures.memoryThresholdMib());
  }
}
