package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 4 against the real collector scraping through the generated jobs. */
class CardinalityTest {
  /**
   * The figure in docs/operations.md holds at this mix (about 2,000 series, 94 % removed); 90 %
   * leaves room for the collector's own scrape series, not for an allowlist that keeps
   * high-cardinality families.
   */
  private static final double LEAST_REDUCTION = 0.90;

  private static Cardinality.Figures figures;

  @BeforeAll
  static void scrapeTheSyntheticService() {
    figures = Cardinality.run(ProofStacks.underProof());
    System.out.println("cardinality: " + figures);
  }

  @Test
  void deliversEveryAllowlistedMetric() {
    assertThat(figures.allowlisted()).isNotEmpty();
    assertThat(figures.missing()).as("allowlisted families missing at the sink").isEmpty();
  }

  @Test
  void dropsTheHighCardinalityLabels() {
    assertThat(figures.leakedLabels()).isEmpty();
  }

  @Test
  void removesAtLeastNinetyPercentOfTheSeries() {
    assertThat(figures.reduction()).as("%s", figures).isGreaterThanOrEqualTo(LEAST_REDUCTION);
  }
}
