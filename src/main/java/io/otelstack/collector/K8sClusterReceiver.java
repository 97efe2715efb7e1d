package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code k8s_cluster} receiver: the cluster's state from the API server, as kube-state-metrics
 * would give it (deployments' desired and available replicas, pods' phases, containers' restarts,
 * nodes' conditions and allocatable resources, jobs, HPAs, quotas). It watches the whole cluster,
 * so exactly one collector may run it: two would report every series twice.
 *
 * @param intervalSeconds how often the watched state is reported
 */
public record K8sClusterReceiver(int intervalSeconds) implements Component {
  private static final List<String> WATCH = List.of("list", "watch");

  /** Node conditions reported as {@code k8s.node.condition_<type>}. */
  static final List<String> NODE_CONDITIONS =
      List.of("Ready", "MemoryPressure", "DiskPressure", "PIDPressure");

  /** Requires a positive interval. */
  public K8sClusterReceiver {
    if (intervalSeconds <= 0) {
      throw new ValidationException(
          "k8s_cluster.intervalSeconds (" + intervalSeconds + ") must be > 0");
    }
  }

  /**
   * The informers the receiver starts, and nothing else: {@code list} and {@code watch} (no {@code
   * get}) on the kinds it reports. A kind left out would not just go missing: its informer would
   * never sync.
   */
  public static List<Map<String, Object>> rbacRules() {
    return List.of(
        RbacRule.of(
            "",
            List.of(
                "namespaces",
                "nodes",
                "pods",
                "replicationcontrollers",
                "resourcequotas",
                "services"),
            WATCH),
        RbacRule.of(
            "apps", List.of("daemonsets", "deployments", "replicasets", "statefulsets"), WATCH),
        RbacRule.of("batch", List.of("cronjobs", "jobs"), WATCH),
        RbacRule.of("autoscaling", List.of("horizontalpodautoscalers"), WATCH));
  }

  @Override
  public ComponentType type() {
    return ComponentType.K8S_CLUSTER;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("auth_type", "serviceAccount");
    s.put("collection_interval", intervalSeconds + "s");
    s.put("node_conditions_to_report", NODE_CONDITIONS);
    s.put("allocatable_types_to_report", List.of("cpu", "memory", "pods"));
    return s;
  }
}
