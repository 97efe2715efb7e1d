package io.otelstack.stacks;

import static io.otelstack.testing.kube.ClusterChecks.COLLECTOR;
import static io.otelstack.testing.kube.ClusterChecks.GATEWAY_RELEASE;
import static io.otelstack.testing.kube.ClusterChecks.TARGET_ALLOCATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.collector.OtlpReceiver;
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
import org.junit.jupiter.api.parallel.ResourceLock;
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
@ResourceLock(KubeControlPlane.LOCK)
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
      placedOnTheirNodeGroup(
          env, nodes, ClusterChecks.release(checks.pods(gateway, COLLECTOR), GATEWAY_RELEASE));
      placedOnTheirNodeGroup(env, nodes, checks.pods(gateway, TARGET_ALLOCATOR));

      assertThat(policies.everySelectorSelectsPods(Set.of(gateway, agents)))
          .as("NetworkPolicies admitted, the cluster collector's among them")
          .isEqualTo(6);

      ExternalTools.Result plan = terraform.plan();
      assertThat(plan.exitCode()).as("second plan shows no changes:\n%s", plan.output()).isZero();

      brokenPoliciesFailTheCheck(gateway, agents);

      terraform.destroy();
      checks.destroyLeftOnlyRetainedQueueVolumes(
          gateway, agents, env.queue().storageClass(), replicas + 1);
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
   * The checks are not vacuous: each of three breaks of the gateway's policy (named like its
   * release), made on the live object after the plan (so the plan stays clean) and undone before
   * the next, fails the check with its own message: one label of its podSelector changed; the OTLP
   * rule's peer a namespace selector that selects no namespace there is; the OTLP rule's first port
   * moved off the one the gateway serves.
   */
  private void brokenPoliciesFailTheCheck(String gateway, String agents) {
    String path =
        "/apis/networking.k8s.io/v1/namespaces/" + gateway + "/networkpolicies/" + GATEWAY_RELEASE;
    String policy = gateway + "/" + GATEWAY_RELEASE;
    JsonNode spec = plane.api().get(path).get("spec");

    ObjectNode typo = spec.deepCopy();
    ObjectNode labels = (ObjectNode) typo.at("/podSelector/matchLabels");
    String key = labels.fieldNames().next();
    labels.put(key, labels.get(key).asText() + "-typo");
    failsWhileBroken(path, spec, typo, Set.of(gateway, agents), policy + ": podSelector");

    ObjectNode nowhere = spec.deepCopy();
    ((ObjectNode) otlpRule(nowhere))
        .putArray("from")
        .addObject()
        .putObject("namespaceSelector")
        .putObject("matchLabels")
        .put("kubernetes.io/metadata.name", "otlp-clients-typo");
    failsWhileBroken(
        path,
        spec,
        nowhere,
        Set.of(gateway, agents),
        policy
            + ": from peer {\"namespaceSelector\":{\"matchLabels\":"
            + "{\"kubernetes.io/metadata.name\":\"otlp-clients-typo\"}}} selects no namespace");

    ObjectNode wrongPort = spec.deepCopy();
    ((ObjectNode) otlpRule(wrongPort).path("ports").get(0)).put("port", OtlpReceiver.GRPC_PORT - 1);
    failsWhileBroken(
        path,
        spec,
        wrongPort,
        Set.of(gateway, agents),
        policy
            + ": lets in port "
            + (OtlpReceiver.GRPC_PORT - 1)
            + ", which no selected pod declares and no Service targets");

    assertThat(policies.everySelectorSelectsPods(Set.of(gateway, agents)))
        .as("NetworkPolicies restored")
        .isEqualTo(6);
  }

  private void failsWhileBroken(
      String path, JsonNode spec, JsonNode broken, Set<String> namespaces, String message) {
    plane.api().mergePatch(path, JsonNodeFactory.instance.objectNode().set("spec", broken));
    try {
      Throwable failure = catchThrowable(() -> policies.everySelectorSelectsPods(namespaces));
      System.out.println("broken on purpose: " + failure);
      assertThat(failure).isInstanceOf(AssertionError.class).hasMessageContaining(message);
    } finally {
      plane.api().mergePatch(path, JsonNodeFactory.instance.objectNode().set("spec", spec));
    }
  }

  /** The gateway policy's ingress rule that lets OTLP in. */
  private static JsonNode otlpRule(JsonNode spec) {
    for (JsonNode rule : spec.path("ingress")) {
      for (JsonNode port : rule.path("ports")) {
        if (port.path("port").asInt() == OtlpReceiver.GRPC_PORT) {
          return rule;
        }
      }
    }
    throw new AssertionError("the gateway's policy lets no OTLP in: " + spec);
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
