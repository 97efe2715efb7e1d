package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 4 against the real collector scraping through the generated jobs. */
class CardinalityTest {
  private static Cardinality.Figures figures;

  @BeforeAll
  static void scrapeTheSyntheticService() {
    figures = Cardinality.run(ProofStacks.underProof());
    System.out.println("cardinality: " + figures);
  }

  @Test
  void deliversEveryAllowlistedMetric() {
    assertThat(figures.allowlisted()).isNotEmpty();
    assertThat(figures.missing()).isEmpty();
  }

  @Test
  void dropsTheHighCardinalityLabels() {
    assertThat(figures.leakedLabels()).isEmpty();
  }

  @Test
  void removesMostSeries() {
    assertThat(figures.seriesOut()).isLessThan(figures.seriesIn());
  }
}
