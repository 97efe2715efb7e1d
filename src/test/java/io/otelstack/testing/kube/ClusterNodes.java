package io.otelstack.testing.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.otelstack.config.Environment;
import io.otelstack.config.NodeGroupSettings;
import io.otelstack.constructs.cluster.Taint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Registers Node objects shaped like an environment's managed node groups, as EKS would: {@code
 * desiredSize} nodes per group, spread over three zones in turn, each with its group's labels and
 * taints, the well-known EKS and topology labels, and the allocatable resources of its first
 * (preferred) instance type.
 */
public final class ClusterNodes {
  /** The zones nodes are spread over, as a three-AZ EKS VPC does. */
  public static final List<String> ZONES = List.of("a", "b", "c");

  /**
   * Allocatable CPU (millicores), memory (MiB) and pods of the instance types the environments use,
   * after EKS's kube-reserved and eviction threshold (AL2023, VPC CNI max pods).
   */
  private static final Map<String, int[]> ALLOCATABLE =
      Map.of(
          "t3.large", new int[] {1930, 7134, 35},
          "t3a.large", new int[] {1930, 7134, 35},
          "m6i.large", new int[] {1930, 7134, 29},
          "m6i.xlarge", new int[] {3920, 14481, 58},
          "m6i.2xlarge", new int[] {7910, 29317, 58});

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterNodes() {}

  /** Creates the nodes of every group of the environment; returns their names by group. */
  public static Map<String, List<String>> register(KubeApi api, Environment env) {
    Map<String, List<String>> names = new TreeMap<>();
    String region = env.cluster().region();
    env.cluster()
        .nodeGroups()
        .forEach(
            (group, settings) -> {
              for (int i = 0; i < settings.desiredSize(); i++) {
                String name = group + "-" + i;
                String zone = region + ZONES.get(i % ZONES.size());
                api.create("/api/v1/nodes", node(name, group, settings, region, zone));
                names.computeIfAbsent(group, g -> new ArrayList<>()).add(name);
              }
            });
    return names;
  }

  /** Deletes the nodes {@link #register} created. */
  public static void deregister(KubeApi api, Map<String, List<String>> names) {
    names.values().forEach(group -> group.forEach(n -> api.delete("/api/v1/nodes/" + n, 0)));
  }

  private static JsonNode node(
      String name, String group, NodeGroupSettings settings, String region, String zone) {
    String type = settings.instanceTypes().get(0);
    int[] alloc = ALLOCATABLE.get(type);
    if (alloc == null) {
      throw new AssertionError(
          "node group "
              + group
              + " uses "
              + type
              + ", which ClusterNodes has no allocatable for;"
              + " add it to ClusterNodes.ALLOCATABLE");
    }
    ObjectNode node = JSON.createObjectNode();
    node.put("apiVersion", "v1").put("kind", "Node");
    ObjectNode meta = node.putObject("metadata");
    meta.put("name", name);
    ObjectNode labels = meta.putObject("labels");
    settings.labels().forEach(labels::put);
    labels.put("kubernetes.io/hostname", name);
    labels.put("kubernetes.io/os", "linux");
    labels.put("kubernetes.io/arch", "amd64");
    labels.put("node.kubernetes.io/instance-type", type);
    labels.put("topology.kubernetes.io/region", region);
    labels.put("topology.kubernetes.io/zone", zone);
    labels.put("eks.amazonaws.com/nodegroup", group);
    labels.put("eks.amazonaws.com/capacityType", settings.capacityType().name());
    ArrayNode taints = node.putObject("spec").putArray("taints");
    for (Taint t : settings.taints()) {
      taints.addObject().put("key", t.key()).put("value", t.value()).put("effect", effect(t));
    }
    // A Node's status may be set on create; the kubelet stand-in sends no heartbeats, which the
    // controller manager's node-monitor grace period covers for the length of a test.
    ObjectNode status = node.putObject("status");
    ObjectNode resources = JSON.createObjectNode();
    resources.put("cpu", alloc[0] + "m");
    resources.put("memory", alloc[1] + "Mi");
    resources.put("pods", String.valueOf(alloc[2]));
    resources.put("ephemeral-storage", settings.diskSizeGi() + "Gi");
    status.set("capacity", resources);
    status.set("allocatable", resources);
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    status
        .putArray("conditions")
        .addObject()
        .put("type", "Ready")
        .put("status", "True")
        .put("reason", "KubeletReady")
        .put("lastHeartbeatTime", now)
        .put("lastTransitionTime", now);
    return node;
  }

  private static String effect(Taint t) {
    return switch (t.effect()) {
      case NO_SCHEDULE -> "NoSchedule";
      case NO_EXECUTE -> "NoExecute";
      case PREFER_NO_SCHEDULE -> "PreferNoSchedule";
    };
  }
}
