package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8 against three real collector replicas: removing one after an outage, with the backend
 * back or still down, loses nothing once its retained queue volume is attached again.
 */
@Tag("integration")
class ScaleDownTest {
  private static ScaleDown.Figures backendUp;
  private static ScaleDown.Figures backendDown;

  @BeforeAll
  static void scaleDownWithDataQueued() {
    backendUp = ScaleDown.run(ProofStacks.underProof(), 600, true);
    System.out.println("scale-down, backend up: " + backendUp);
    backendDown = ScaleDown.run(ProofStacks.underProof(), 600, false);
    System.out.println("scale-down, backend down: " + backendDown);
  }

  @Test
  void theRemovedReplicaExitsCleanlyWithinTheGracePeriod() {
    for (ScaleDown.Figures f : new ScaleDown.Figures[] {backendUp, backendDown}) {
      assertThat(f.withinGracePeriod()).as("%s", f).isTrue();
      assertThat(f.exitCode()).as("%s", f).isZero();
    }
  }

  @Test
  void theRemovedReplicaHeldQueuedSpansWhenTheScaleDownBegan() {
    assertThat(backendUp.queuedAtPreStop()).isPositive();
    assertThat(backendDown.queuedAtPreStop()).isPositive();
  }

  @Test
  void deliversEverySpanOnceTheRetainedVolumeIsAttachedAgain() {
    assertThat(backendUp.recovered().lost()).isZero();
    assertThat(backendDown.recovered().lost()).isZero();
  }
}
