package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 1 against the real collector: nothing acknowledged is lost to a kill -9, and nothing
 * arrives twice.
 */
class CrashRecoveryTest {
  /** At least 10,000 of each signal, as the claim is about volume, not a handful of items. */
  private static final int N = 10_000;

  private static CrashRecovery.Figures figures;

  @BeforeAll
  static void crashWithTheBackendDown() {
    figures = CrashRecovery.run(ProofStacks.underProof(), N);
    System.out.println("crash recovery: " + figures);
  }

  @Test
  void deliversEverySpanAfterAKill() {
    assertThat(figures.spans().sent()).isGreaterThanOrEqualTo(N);
    assertThat(figures.spans().lost()).as("spans lost").isZero();
  }

  @Test
  void deliversNoSpanTwiceAfterAKill() {
    assertThat(figures.spans().duplicates()).as("duplicate spans").isZero();
  }

  @Test
  void deliversEveryMetricPointAfterAKill() {
    assertThat(figures.metricPoints().sent()).isGreaterThanOrEqualTo(N);
    assertThat(figures.metricPoints().lost()).as("metric points lost").isZero();
  }

  @Test
  void deliversNoMetricPointTwiceAfterAKill() {
    assertThat(figures.metricPoints().duplicates()).as("duplicate metric points").isZero();
  }

  @Test
  void deliversEveryLogLineAfterAKill() {
    assertThat(figures.logRecords().sent()).isGreaterThanOrEqualTo(N);
    assertThat(figures.logRecords().lost()).as("log records lost").isZero();
  }

  @Test
  void deliversNoLogLineTwiceAfterAKill() {
    assertThat(figures.logRecords().duplicates()).as("duplicate log records").isZero();
  }

  @Test
  void authenticatesToTheBackendWithABearerKey() {
    assertThat(figures.authorizations()).containsExactly("Bearer <key>");
  }
}
