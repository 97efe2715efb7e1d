package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 2 against the real collector: a rolling-update stop loses nothing. */
class GracefulStopTest {
  private static GracefulStop.Figures figures;

  @BeforeAll
  static void stopWithDataQueued() {
    figures = GracefulStop.run(ProofStacks.underProof(), 2_000);
    System.out.println("graceful stop: " + figures);
  }

  @Test
  void stopsWithinTheGracePeriod() {
    assertThat(figures.withinGracePeriod()).isTrue();
  }

  @Test
  void deliversEverySpanQueuedAtTheStopAfterTheRestart() {
    assertThat(figures.spans().lost()).isZero();
  }
}
