package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import io.otelstack.testing.Environments;
import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.kube.ClusterChecks;
import io.otelstack.testing.kube.ClusterNodes;
import io.otelstack.testing.kube.KubeControlPlane;
import io.otelstack.testing.kube.StackApply;
import io.otelstack.testing.kube.TestOverlay;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Applies the HCL module {@code modules/otel-collector-stack} to a real Kubernetes v1.33.13 control
 * plane through a root configuration written the way the module README's example is, with the
 * example's inputs; the nodes are shaped like prod's node groups.
 */
@Tag("integration")
class ModuleApplyTest {
  /** The README example's inputs. */
  private static final String NAMESPACE = "payments-telemetry";

  private static final int HPA_MIN = 3;
  private static final int HPA_MAX = 9;

  @Test
  void readmeExampleAppliesSettlesReplansCleanAndDestroysLeavingOnlyTheQueueVolumes(
      @TempDir Path work) throws IOException {
    Instant start = Instant.now();
    try (KubeControlPlane plane = KubeControlPlane.start()) {
      ClusterChecks checks = new ClusterChecks(plane);
      Map<String, List<String>> nodes =
          ClusterNodes.register(plane.api(), Environments.load("prod"));
      StackApply.copy(ModuleFiles.directory(), work.resolve("otel-collector-stack"));
      TestOverlay overlay = new TestOverlay();
      overlay.writeRootFromExample(
          ModuleFiles.readmeExampleWithLocalSource(), work, plane.kubeconfig());
      StackApply terraform = StackApply.overlayAndInit(work, plane.kubeconfig(), overlay);
      terraform.apply();

      String agents = NAMESPACE + "-agents";
      checks.stackBehaves(
          NAMESPACE,
          agents,
          HPA_MIN,
          HPA_MAX,
          2,
          nodes.values().stream().flatMap(List::stream).collect(Collectors.toSet()));

      ExternalTools.Result plan = terraform.plan();
      assertThat(plan.exitCode()).as("second plan shows no changes:\n%s", plan.output()).isZero();

      terraform.destroy();
      checks.destroyLeftOnlyRetainedQueueVolumes(NAMESPACE, agents, "otel-queue", HPA_MIN);
    } finally {
      System.out.printf(
          "otel-collector-stack module: apply, checks, plan, destroy in %d s%n",
          Duration.between(start, Instant.now()).toSeconds());
    }
  }
}
