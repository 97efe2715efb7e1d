package io.otelstack.constructs.metrics;

import io.otelstack.constructs.cluster.Taint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the gateway's pods go, as chart values (both charts take the same four keys): on the nodes
 * {@code nodeSelector} picks, tolerating their taints, spread over zones and nodes. The Target
 * Allocator uses its collector's placement, so both land on the same (dedicated) node group.
 */
final class Placement {
  private static final Map<String, String> EFFECTS =
      Map.of(
          "NO_SCHEDULE", "NoSchedule",
          "NO_EXECUTE", "NoExecute",
          "PREFER_NO_SCHEDULE", "PreferNoSchedule");

  private Placement() {}

  /**
   * Puts {@code nodeSelector}, {@code tolerations} and {@code topologySpreadConstraints} into chart
   * values.
   *
   * @param podLabels labels selecting the pods being spread
   */
  static void addTo(
      Map<String, Object> values,
      MetricsTracesStatefulSetProps props,
      Map<String, String> podLabels) {
    values.put("nodeSelector", props.nodeSelector());
    values.put("tolerations", props.tolerations().stream().map(Placement::toleration).toList());
    values.put(
        "topologySpreadConstraints",
        List.of(
            // A zone outage takes at most a third of the replicas (with three zones). Hard,
            // because a replica's queue volume is zonal: where its first pod lands, its
            // successors stay for good.
            spread("topology.kubernetes.io/zone", "DoNotSchedule", podLabels),
            // One node's loss takes one replica where there are enough nodes; soft, so scaling
            // beyond the node count still works.
            spread("kubernetes.io/hostname", "ScheduleAnyway", podLabels)));
  }

  private static Map<String, Object> toleration(Taint t) {
    Map<String, Object> toleration = new LinkedHashMap<>();
    toleration.put("key", t.key());
    toleration.put("operator", "Equal");
    toleration.put("value", t.value());
    toleration.put("effect", EFFECTS.get(t.effect().name()));
    return toleration;
  }

  private static Map<String, Object> spread(
      String topologyKey, String whenUnsatisfiable, Map<String, String> podLabels) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("maxSkew", 1);
    c.put("topologyKey", topologyKey);
    c.put("whenUnsatisfiable", whenUnsatisfiable);
    c.put("labelSelector", Map.of("matchLabels", podLabels));
    return c;
  }
}
