package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Scenario 8 against three real collector replicas, the highest ordinal removed with its queue
 * full: the collector does not drain its persistent queue on {@code SIGTERM}, so what is still
 * queued then stays on the retained volume, and all of it arrives once that volume is attached
 * again.
 */
@Tag("integration")
class ScaleDownTest {
  private static ScaleDown.Figures backendUp;
  private static ScaleDown.Figures backendDown;

  @BeforeAll
  static void scaleDownWithDataQueued() {
    GeneratedStack stack = ProofStacks.underProof();
    backendUp = ScaleDown.run(stack, 600, Duration.ZERO, true);
    System.out.println("scale-down, backend up: " + backendUp);
    backendDown = ScaleDown.run(stack, 600, Duration.ZERO, false);
    System.out.println("scale-down, backend down: " + backendDown);
  }

  @Test
  void prodsPreStopDrainsTheRemovedReplicasQueueOnceTheBackendIsBack() {
    // prod.yaml sizes the preStop sleep to the exporters' retry backoff plus the drain.
    assertThat(backendUp.preStopSeconds()).isEqualTo(50);
    assertThat(backendUp.queuedAtPreStop()).isPositive();
    assertThat(backendUp.drainSeconds()).as("%s", backendUp).isBetween(0.0, 50.0);
    assertThat(backendUp.stranded()).as("%s", backendUp).isZero();
  }

  @Test
  void theRemovedReplicaExitsCleanlyWithinTheGracePeriod() {
    for (ScaleDown.Figures f : new ScaleDown.Figures[] {backendUp, backendDown}) {
      assertThat(f.withinGracePeriod()).as("%s", f).isTrue();
      assertThat(f.exitCode()).as("%s", f).isZero();
    }
  }

  @Test
  void withTheBackendDownEverythingQueuedStaysOnTheRetainedVolume() {
    assertThat(backendDown.queuedAtSigterm()).isPositive();
    assertThat(backendDown.stranded()).isEqualTo(backendDown.queuedAtSigterm());
  }

  @Test
  void withTheBackendUpOnlyWhatThePreStopLeftQueuedStays() {
    assertThat(backendUp.queuedAtPreStop()).isPositive();
    assertThat(backendUp.stranded()).isLessThanOrEqualTo(backendUp.queuedAtSigterm());
  }

  @Test
  void deliversEverySpanOnceTheRetainedVolumeIsAttachedAgain() {
    for (ScaleDown.Figures f : new ScaleDown.Figures[] {backendUp, backendDown}) {
      assertThat(f.recovered().lost()).as("%s", f).isZero();
      assertThat(f.recovered().duplicates()).as("%s", f).isZero();
    }
  }
}
