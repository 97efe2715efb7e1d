package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Scenario 9 against real collectors: kept traces stay complete across a 2 to 3 scale-up. */
@Tag("integration")
class ScaleEventTest {
  private static ScaleEvent.Figures figures;

  @BeforeAll
  static void scaleUpUnderLoad() {
    figures =
        ScaleEvent.run(ProofStacks.underProof(), Duration.ofSeconds(10), Duration.ofSeconds(10));
    System.out.println("scale event: " + figures);
  }

  @Test
  void keepsEveryTraceWithAnError() {
    assertThat(figures.keptTraces()).isEqualTo(figures.tracesSent());
  }

  @Test
  void hasTracesInFlightAcrossTheChange() {
    assertThat(figures.tracesAcrossTheChange()).as("%s", figures).isPositive();
  }

  @Test
  void splitsNoMoreThanTheInFlightTracesWhoseIdMoves() {
    assertThat(figures.incompleteKeptTraces())
        .as("%s, bound %d", figures, figures.splitBound())
        .isLessThanOrEqualTo(figures.splitBound());
  }
}
