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
 * again. Two of the cases in docs/operations.md, at full time: the backend still down with the
 * defaults' preStop, and the backend back after a 90 s outage (the exporters' retry backoff at its
 * maximum, up to 45 s) with prod's preStop 50 s and grace period 80 s.
 */
@Tag("integration")
class ScaleDownTest {
  private static final int TRACES = 600;

  /** Long enough for every consumer's retry interval to reach {@code max_interval} (30 s). */
  private static final Duration OUTAGE = Duration.ofSeconds(90);

  private static ScaleDown.Figures backendBack;
  private static ScaleDown.Figures backendDown;

  @BeforeAll
  static void scaleDownWithDataQueued() {
    GeneratedStack prod = ProofStacks.underProof();
    backendBack = ScaleDown.run(prod, TRACES, OUTAGE, true);
    System.out.println("scale-down, backend back after the outage: " + backendBack);
    // The defaults (dev, staging): the window does not matter while the backend is down.
    backendDown = ScaleDown.run(prod.withShutdown(10, 60), TRACES, Duration.ZERO, false);
    System.out.println("scale-down, backend down: " + backendDown);
  }

  @Test
  void prodsPreStopDrainsTheRemovedReplicasQueueAfterAnOutage() {
    assertThat(backendBack.queuedAtPreStop()).as("%s", backendBack).isPositive();
    assertThat(backendBack.stranded()).as("stranded: %s", backendBack).isZero();
    assertThat(backendBack.queuedAtSigterm()).as("%s", backendBack).isZero();
    assertThat(backendBack.drainSeconds()).as("%s", backendBack).isBetween(0.0, 50.0);
    // prod.yaml sizes the preStop sleep to the exporters' retry backoff plus the drain.
    assertThat(backendBack.preStopSeconds()).isEqualTo(50);
    assertThat(backendBack.gracePeriodSeconds()).isEqualTo(80);
    assertThat(backendBack.outageSeconds()).isEqualTo(90);
  }

  @Test
  void theRemovedReplicaExitsCleanlyWithinTheGracePeriod() {
    for (ScaleDown.Figures f : new ScaleDown.Figures[] {backendBack, backendDown}) {
      assertThat(f.withinGracePeriod()).as("%s", f).isTrue();
      assertThat(f.exitCode()).as("%s", f).isZero();
      // It does not drain on SIGTERM: it exits within a fraction of a second.
      assertThat(f.exitSeconds()).as("%s", f).isLessThan(1.0);
    }
  }

  @Test
  void withTheBackendDownEverythingQueuedStaysOnTheRetainedVolume() {
    assertThat(backendDown.queuedAtSigterm()).isPositive();
    assertThat(backendDown.stranded()).isEqualTo(backendDown.queuedAtSigterm());
  }

  @Test
  void deliversEverySpanOnceTheRetainedVolumeIsAttachedAgain() {
    for (ScaleDown.Figures f : new ScaleDown.Figures[] {backendBack, backendDown}) {
      assertThat(f.recovered().lost()).as("%s", f).isZero();
      assertThat(f.recovered().duplicates()).as("%s", f).isZero();
    }
  }
}
