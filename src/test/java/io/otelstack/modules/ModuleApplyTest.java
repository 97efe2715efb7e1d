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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Applies the HCL module {@code modules/otel-collector-stack} to a real Kubernetes v1.36.3 control
 * plane through a root configuration written the way the module README's example is, with the
 * example's inputs; the nodes are shaped like prod's node groups. One control plane serves both
 * tests: each leaves it as it found it (destroyed, namespaces gone, no volume left), whatever the
 * order and even when it fails.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ResourceLock(KubeControlPlane.LOCK)
class ModuleApplyTest {
  /** The README example's inputs. */
  private static final String NAMESPACE = "payments-telemetry";

  private static final String AGENTS = NAMESPACE + "-agents";

  /**
   * The module as committed before it became a {@code TelemetryPlatform} (commit c7e4a6d), with the
   * queue StorageClass at the address it had then.
   */
  private static final Path BEFORE_THE_PLATFORM =
      ExternalTools.projectDir().resolve("src/test/resources/modules/otel-collector-stack-c7e4a6d");

  /**
   * What an upgrade from c7e4a6d may change, in place: #17's scrape jobs of the cluster-side
   * series, that is the allocator's {@code target-allocator} and {@code kubelet} jobs (its
   * release's values), its ClusterRole's read of nodes (they discover the kubelets), and the
   * gateway's {@code get} on {@code nodes/proxy} (the gateway release's ClusterRole values); and
   * the collectors' own {@code service.name} (#22: the gateway's and the logs agents' release
   * values), without which the collector-health alerts missed in Coralogix. Any other change, or
   * any of these replaced, fails.
   */
  private static final List<String> CHANGED_SINCE_C7E4A6D =
      List.of(
          "module.otel.helm_release.Logs_6819BB44",
          "module.otel.helm_release.MetricsTraces_475430C5",
          "module.otel.helm_release.TargetAllocator_DEBEBA11",
          "module.otel.kubernetes_cluster_role_v1.TargetAllocator_ClusterRole_6EE8EC30");

  /** A plan's line for a resource it updates in place. */
  private static final Pattern UPDATED_IN_PLACE =
      Pattern.compile("^\\s*# (\\S+) will be updated in-place$", Pattern.MULTILINE);

  private static final int HPA_MIN = 3;
  private static final int HPA_MAX = 9;

  private KubeControlPlane plane;
  private ClusterChecks checks;
  private Map<String, List<String>> nodes;

  @BeforeAll
  void startControlPlane() {
    plane = KubeControlPlane.start();
    checks = new ClusterChecks(plane);
    nodes = ClusterNodes.register(plane.api(), Environments.load("prod"));
  }

  @AfterAll
  void stopControlPlane() {
    if (plane != null) {
      plane.close();
    }
  }

  @Test
  void readmeExampleAppliesSettlesReplansCleanAndDestroysLeavingOnlyTheQueueVolumes(
      @TempDir Path work) throws IOException {
    Instant start = Instant.now();
    StackApply terraform = null;
    try {
      StackApply.copy(ModuleFiles.directory(), work.resolve("otel-collector-stack"));
      TestOverlay overlay = new TestOverlay();
      overlay.writeRootFromExample(
          ModuleFiles.readmeExampleWithLocalSource(), work, plane.kubeconfig());
      terraform = StackApply.overlayAndInit(work, plane.kubeconfig(), overlay);
      terraform.apply();

      checks.stackBehaves(
          NAMESPACE,
          AGENTS,
          HPA_MIN,
          HPA_MAX,
          2,
          nodes.values().stream().flatMap(List::stream).collect(Collectors.toSet()));

      ExternalTools.Result plan = terraform.plan();
      assertThat(plan.exitCode()).as("second plan shows no changes:\n%s", plan.output()).isZero();

      terraform.destroy();
      // One retained queue volume per gateway replica, and one for the cluster collector.
      checks.destroyLeftOnlyRetainedQueueVolumes(NAMESPACE, AGENTS, "otel-queue", HPA_MIN + 1);
    } finally {
      leaveThePlaneClean(terraform);
      System.out.printf(
          "otel-collector-stack module: apply, checks, plan, destroy in %d s%n",
          Duration.between(start, Instant.now()).toSeconds());
    }
  }

  @Test
  void stateOfTheModuleBeforeThePlatformPlansOneMoveAndNothingReplacedThenReplansClean(
      @TempDir Path work) throws IOException {
    StackApply terraform = null;
    try {
      Path module = work.resolve("otel-collector-stack");
      StackApply.copy(BEFORE_THE_PLATFORM, module);
      TestOverlay overlay = new TestOverlay();
      // The module at c7e4a6d has no cluster_name input yet; the upgrade adds it to the call.
      overlay.writeRootFromExample(
          ModuleFiles.readmeExampleWithLocalSource()
              .replaceAll("(?m)^\\s*cluster_name\\s*=.*\\n", ""),
          work,
          plane.kubeconfig());
      terraform = StackApply.overlayAndInit(work, plane.kubeconfig(), overlay);
      terraform.apply();

      Files.delete(module.resolve("main.tf.json"));
      ModuleFiles.copyTerraform(module);
      overlay.writeRootFromExample(
          ModuleFiles.readmeExampleWithLocalSource(), work, plane.kubeconfig());
      try (Stream<Path> files = Files.list(module)) {
        files
            .filter(f -> f.toString().endsWith(".tf.json"))
            .forEach(f -> overlay.rewrite(f, plane.kubeconfig()));
      }
      ExternalTools.Result upgrade = terraform.plan();
      System.out.println(upgrade.output());

      assertThat(upgrade.exitCode()).as(upgrade.output()).isNotEqualTo(1);
      assertThat(inPlaceUpdates(upgrade.output()))
          .as("resources the upgrade changes in place")
          .containsExactlyInAnyOrderElementsOf(CHANGED_SINCE_C7E4A6D);
      assertThat(upgrade.output())
          .contains(
              "module.otel.kubernetes_storage_class_v1.QueueStorageClass_E398A0C5 has moved to"
                  + " module.otel.kubernetes_storage_class_v1.StorageClasses_Queue_940280D8")
          // The cluster collector's release (#23) is the one resource added.
          .contains("Plan: 1 to add, " + CHANGED_SINCE_C7E4A6D.size() + " to change, 0 to destroy.")
          .doesNotContain("must be replaced");
      terraform.apply();
      ExternalTools.Result plan = terraform.plan();
      assertThat(plan.exitCode()).as("plan after the upgrade:\n%s", plan.output()).isZero();
      terraform.destroy();
    } finally {
      leaveThePlaneClean(terraform);
    }
  }

  /**
   * Destroys what a failed test left, waits for both namespaces to go and deletes the retained
   * queue volumes, so that the other test starts on an empty plane.
   */
  private void leaveThePlaneClean(StackApply terraform) {
    if (terraform != null) {
      terraform.destroyAfterFailure();
    }
    checks.awaitGone(NAMESPACE);
    checks.awaitGone(AGENTS);
    checks.deleteAllVolumes();
  }

  private static List<String> inPlaceUpdates(String plan) {
    List<String> out = new ArrayList<>();
    Matcher m = UPDATED_IN_PLACE.matcher(plan);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
