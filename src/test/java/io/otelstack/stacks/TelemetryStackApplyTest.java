package io.otelstack.stacks;

import static io.otelstack.testing.kube.ClusterChecks.COLLECTOR;
import static io.otelstack.testing.kube.ClusterChecks.GATEWAY_RELEASE;
import static io.otelstack.testing.kube.ClusterChecks.TARGET_ALLOCATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.config.Environment;
import io.otelstack.testing.Environments;
import io.otelstack.testing.ExternalTools;
import io.otelstack.testing.SynthRun;
import io.otelstack.testing.kube.ClusterChecks;
import io.otelstack.testing.kube.ClusterNodes;
import io.otelstack.testing.kube.KubeControlPlane;
import io.otelstack.testing.kube.NetworkPolicyChecks;
import io.otelstack.testing.kube.StackApply;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Applies each {@code <env>-telemetry} stack, as synthesized, to a real Kubernetes v1.36.3 control
 * plane whose nodes are shaped like the environment's node groups; only what cannot exist here is
 * swapped ({@code TestOverlay} prints it). One control plane serves all three environments: each
 * destroy removes what the previous apply made, and the nodes are replaced per environment.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetryStackApplyTest {
  private KubeControlPlane plane;
  private ClusterChecks checks;
  private NetworkPolicyChecks policies;

  @BeforeAll
  void startControlPlane() {
    plane = KubeControlPlane.start();
    checks = new ClusterChecks(plane);
    policies = new NetworkPolicyChecks(plane);
  }

  @AfterAll
  void stopControlPlane() {
    if (plane != null) {
      plane.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"dev", "staging", "prod"})
  void appliesSettlesReplansCleanAndDestroysLeavingOnlyTheQueueVolumes(
      String name, @TempDir Path work) {
    Instant start = Instant.now();
    Environment env = Environments.load(name);
    Path stack = SynthRun.everyEnvironment().outdir().resolve("stacks/" + name + "-telemetry");
    Map<String, List<String>> nodes = ClusterNodes.register(plane.api(), env);
    StackApply terraform = StackApply.prepare(stack, work, plane.kubeconfig());
    try {
      terraform.apply();

      String gateway = env.collector().namespace();
      String agents = gateway + "-agents";
      int replicas = env.hpa().minReplicas();
      checks.stackBehaves(
          gateway,
          agents,
          replicas,
          env.hpa().maxReplicas(),
          env.targetAllocator().replicas(),
          nodes.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
      placedOnTheirNodeGroup(env, nodes, checks.pods(gateway, COLLECTOR));
      placedOnTheirNodeGroup(env, nodes, checks.pods(gateway, TARGET_ALLOCATOR));

      assertThat(policies.everySelectorSelectsPods(Set.of(gateway, agents)))
          .as("NetworkPolicies admitted")
          .isEqualTo(5);

      ExternalTools.Result plan = terraform.plan();
      assertThat(plan.exitCode()).as("second plan shows no changes:\n%s", plan.output()).isZero();

      aBrokenSelectorFailsTheCheck(gateway, agents);

      terraform.destroy();
      checks.destroyLeftOnlyRetainedQueueVolumes(
          gateway, agents, env.queue().storageClass(), replicas);
    } finally {
      terraform.destroyAfterFailure();
      checks.deleteAllVolumes();
      ClusterNodes.deregister(plane.api(), nodes);
      System.out.printf(
          "%s-telemetry: apply, checks, plan, destroy in %d s%n",
          name, Duration.between(start, Instant.now()).toSeconds());
    }
  }

  /**
   * The selector check is not vacuous: the gateway's policy (named like its release), with one
   * label of its podSelector changed on the live object (after the plan, so the plan stays clean),
   * selects no pod and fails.
   */
  private void aBrokenSelectorFailsTheCheck(String gateway, String agents) {
    String path =
        "/apis/networking.k8s.io/v1/namespaces/" + gateway + "/networkpolicies/" + GATEWAY_RELEASE;
    JsonNode labels = plane.api().get(path).at("/spec/podSelector/matchLabels");
    String key = labels.fieldNames().next();
    ObjectNode patch = JsonNodeFactory.instance.objectNode();
    patch
        .putObject("spec")
        .putObject("podSelector")
        .putObject("matchLabels")
        .put(key, labels.get(key).asText() + "-typo");
    plane.api().mergePatch(path, patch);
    assertThatThrownBy(() -> policies.everySelectorSelectsPods(Set.of(gateway, agents)))
        .hasMessageContaining(gateway + "/" + GATEWAY_RELEASE + ": podSelector");
  }

  /**
   * Pods run on the dedicated observability group where the environment has one (else anywhere they
   * tolerate), spread over as many zones as that group offers.
   */
  private void placedOnTheirNodeGroup(
      Environment env, Map<String, List<String>> nodes, List<JsonNode> pods) {
    boolean dedicated = nodes.containsKey(TelemetryStack.OBSERVABILITY_NODE_GROUP);
    List<String> eligible = new ArrayList<>();
    env.cluster()
        .nodeGroups()
        .forEach(
            (group, settings) -> {
              if (dedicated
                  ? group.equals(TelemetryStack.OBSERVABILITY_NODE_GROUP)
                  : settings.taints().isEmpty()) {
                eligible.addAll(nodes.get(group));
              }
            });
    Set<String> eligibleZones = new TreeSet<>();
    eligible.forEach(n -> eligibleZones.add(checks.nodeLabel(n, "topology.kubernetes.io/zone")));
    assertThat(ClusterChecks.nodesOf(pods)).as("nodes of the pods").isSubsetOf(eligible);
    assertThat(checks.zonesOf(pods))
        .as("zones of the pods")
        .hasSize(Math.min(pods.size(), eligibleZones.size()));
  }
}
