package io.otelstack.collector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code k8s_attributes} processor ({@code k8sattributes} is its deprecated alias): adds the
 * sending pod's namespace, name, UID, node and owning workload to each resource.
 *
 * <p>A pod is recognised first by the {@code k8s.pod.ip} or {@code k8s.pod.uid} resource attribute
 * its SDK set, then by the IP of the connection it sent from. The connection IP is only the pod's
 * own when the pod talks to this collector directly, so the processor belongs in the first pipeline
 * data enters, never after a collector-to-collector hop.
 */
public record K8sAttributesProcessor() implements Component {
  /** The component type. */
  public static final String TYPE = "k8s_attributes";

  /**
   * What it reads from the API server: pods and namespaces cluster-wide, replicasets for owners.
   */
  public static final List<Map<String, Object>> RBAC_RULES =
      List.of(
          Map.of(
              "apiGroups", List.of(""),
              "resources", List.of("pods", "namespaces"),
              "verbs", List.of("get", "list", "watch")),
          Map.of(
              "apiGroups", List.of("apps"),
              "resources", List.of("replicasets"),
              "verbs", List.of("get", "list", "watch")));

  @Override
  public Kind kind() {
    return Kind.PROCESSOR;
  }

  @Override
  public ComponentId id() {
    return ComponentId.of(TYPE);
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("auth_type", "serviceAccount");
    s.put("passthrough", false);
    s.put(
        "extract",
        Map.of(
            "metadata",
            List.of(
                "k8s.namespace.name",
                "k8s.pod.name",
                "k8s.pod.uid",
                "k8s.node.name",
                "k8s.deployment.name",
                "k8s.statefulset.name",
                "k8s.daemonset.name")));
    s.put(
        "pod_association",
        List.of(
            association(Map.of("from", "resource_attribute", "name", "k8s.pod.ip")),
            association(Map.of("from", "resource_attribute", "name", "k8s.pod.uid")),
            association(Map.of("from", "connection"))));
    return s;
  }

  private static Map<String, Object> association(Map<String, Object> source) {
    return Map.of("sources", List.of(source));
  }
}
