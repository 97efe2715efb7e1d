package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code kubelet_stats} receiver of a node agent: node, pod and container usage (CPU, memory,
 * file system, network) from its own node's kubelet {@code /stats/summary}, the numbers behind
 * Coralogix's Kubernetes screens. Node-local, so no agent reads another node's kubelet and nothing
 * needs sharding.
 *
 * <p>The agent authenticates with its service account token ({@code nodes/stats}, see {@link
 * #rbacRules()}) and reaches the kubelet at its node's IP, which the pod learns from the downward
 * API ({@code status.hostIP}, which the collector chart sets on every pod as {@value
 * #NODE_IP_ENV}). The kubelet's serving certificate on EKS nodes is self-signed by the kubelet (no
 * serving-certificate bootstrap), so it is not verified; the connection stays TLS and the token
 * authorizes it.
 *
 * <p>Metric names are the receiver's own ({@code k8s.node.*}, {@code k8s.pod.*}, {@code
 * container.*}), which is what Coralogix's Kubernetes dashboards read: its {@code otel-integration}
 * chart ships this receiver's output unrenamed.
 *
 * <p>No {@code volume} group: every pod has volumes (its service-account token at least), and
 * telling a persistent volume from those takes the pods' specs from the kubelet's {@code /pods},
 * which needs {@code nodes/proxy}, a grant that also reaches the kubelet's exec and log endpoints.
 * A pod's own disk use is in {@code k8s.pod.filesystem.*}.
 *
 * @param intervalSeconds how often the kubelet is read
 */
public record KubeletStatsReceiver(int intervalSeconds) implements Component {
  /** The environment variable holding the node's IP, from the downward API (set by the chart). */
  public static final String NODE_IP_ENV = "OTEL_K8S_NODE_IP";

  /** The kubelet's authenticated port. */
  public static final int KUBELET_PORT = 10250;

  /** Requires a positive interval. */
  public KubeletStatsReceiver {
    if (intervalSeconds <= 0) {
      throw new ValidationException(
          "kubelet_stats.intervalSeconds (" + intervalSeconds + ") must be > 0");
    }
  }

  /** What the agent's service account needs: {@code get} on {@code nodes/stats}. */
  public static List<Map<String, Object>> rbacRules() {
    return List.of(RbacRule.of("", List.of("nodes/stats"), List.of("get")));
  }

  @Override
  public ComponentType type() {
    return ComponentType.KUBELET_STATS;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("collection_interval", intervalSeconds + "s");
    s.put("auth_type", "serviceAccount");
    s.put("endpoint", "https://${env:" + NODE_IP_ENV + "}:" + KUBELET_PORT);
    s.put("insecure_skip_verify", true);
    s.put("metric_groups", List.of("node", "pod", "container"));
    return s;
  }
}
