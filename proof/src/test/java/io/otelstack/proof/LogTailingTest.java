package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 5 against the real logs agent: first started on files that already hold lines, then
 * restarted while its files grow.
 */
class LogTailingTest {
  private static LogTailing.Figures figures;

  @BeforeAll
  static void tailAcrossARestart() {
    figures = LogTailing.run(ProofStacks.underProof(), 16_000);
    System.out.println("logs: " + figures);
  }

  @Test
  void sendsNoLineTwiceAcrossARestart() {
    assertThat(figures.duplicates()).isZero();
  }

  @Test
  void losesNoLineAcrossARestart() {
    assertThat(figures.expectedKept()).isPositive();
    assertThat(figures.lost()).isZero();
  }

  @Test
  void dropsEveryLineItsRulesRemove() {
    assertThat(figures.droppedByRule()).isNotEmpty();
    assertThat(figures.wronglyDelivered()).isZero();
  }
}
