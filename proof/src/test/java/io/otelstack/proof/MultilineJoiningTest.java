package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Multi-line joining against the real logs agent: Java and Python stack traces between bursts of
 * single lines, across a restart.
 */
class MultilineJoiningTest {
  private static MultilineJoining.Figures figures;

  @BeforeAll
  static void joinAcrossARestart() {
    figures = MultilineJoining.run(ProofStacks.underProof(), 30);
    System.out.println("multiline: " + figures);
  }

  @Test
  void eachStackTraceOfFortyJavaOrEightPythonLinesBecomesOneRecord() {
    assertThat(figures.javaTraces()).isPositive();
    assertThat(figures.pythonTraces()).isPositive();
    assertThat(figures.traceRecordsWithAllLines())
        .isEqualTo(figures.javaTraces() + figures.pythonTraces());
  }

  @Test
  void leavesABurstOfSingleLinesOneRecordEach() {
    assertThat(figures.singleLinesAlone()).isEqualTo(figures.singleLines());
    assertThat(figures.split()).isZero();
  }

  @Test
  void losesNoRecordAcrossARestart() {
    assertThat(figures.lost()).isZero();
  }

  @Test
  void sendsNoRecordTwiceAcrossARestart() {
    assertThat(figures.duplicates()).isZero();
  }
}
