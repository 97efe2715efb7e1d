package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code k8s_attributes} processor: resolves each resource to its pod and adds the pod's
 * metadata and chosen labels as resource attributes.
 *
 * <p>Configured under its current type name {@code k8s_attributes}: contrib 0.146 renamed it from
 * {@code k8sattributes}, which 0.158 still accepts only as a deprecated alias. The chart's {@code
 * rewriteDeprecatedComponentNames} would rewrite the old name behind our back; using the new one
 * keeps the configuration that runs equal to the one rendered here.
 *
 * <p>{@link #rbacRules()} derives the ClusterRole rules from the configuration, so the collector is
 * granted exactly the reads the processor makes for the metadata it extracts.
 *
 * @param name instance name; empty for the unnamed instance
 * @param nodeFromEnvVar environment variable holding the node name, so an agent watches only the
 *     pods of its own node; null to watch every pod in the cluster
 * @param metadata resource attributes to extract, e.g. {@code k8s.pod.name}
 * @param podLabels pod label keys to copy, each as {@code k8s.pod.label.<key>}
 * @param podAssociations how a resource is matched to its pod, tried in order
 */
public record K8sAttributesProcessor(
    String name,
    String nodeFromEnvVar,
    List<String> metadata,
    List<String> podLabels,
    List<PodAssociation> podAssociations)
    implements Component {
  private static final List<String> READ = List.of("get", "list", "watch");

  /** Requires metadata to extract and at least one association rule. */
  public K8sAttributesProcessor {
    metadata = metadata == null ? List.of() : List.copyOf(metadata);
    podLabels = podLabels == null ? List.of() : List.copyOf(podLabels);
    podAssociations = podAssociations == null ? List.of() : List.copyOf(podAssociations);
    if (metadata.isEmpty()) {
      throw new ValidationException("k8s_attributes.metadata must list at least one attribute");
    }
    if (podAssociations.isEmpty()) {
      throw new ValidationException(
          "k8s_attributes.podAssociations must list at least one rule, e.g."
              + " PodAssociation.resourceAttributes(\"k8s.pod.uid\")");
    }
  }

  /**
   * The ClusterRole rules this configuration needs: pods always; ReplicaSets when the deployment is
   * extracted; namespaces only for the cluster UID (read from {@code kube-system}); nodes only for
   * the node UID.
   *
   * <p>ReplicaSets stay granted even though collectors from 0.153 derive the deployment name from
   * the ReplicaSet name without watching them: if a collector version does start that informer
   * without the grant, its cache never syncs and the pod cache, which waits for it, never fills, so
   * every record would go out without metadata.
   */
  public List<Map<String, Object>> rbacRules() {
    List<String> core = new ArrayList<>(List.of("pods"));
    if (metadata.contains("k8s.cluster.uid")) {
      core.add("namespaces");
    }
    if (metadata.contains("k8s.node.uid")) {
      core.add("nodes");
    }
    List<Map<String, Object>> rules = new ArrayList<>();
    rules.add(rule("", core));
    if (metadata.contains("k8s.deployment.name") || metadata.contains("k8s.deployment.uid")) {
      rules.add(rule("apps", List.of("replicasets")));
    }
    return rules;
  }

  private static Map<String, Object> rule(String apiGroup, List<String> resources) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("apiGroups", List.of(apiGroup));
    r.put("resources", List.copyOf(resources));
    r.put("verbs", READ);
    return r;
  }

  @Override
  public ComponentType type() {
    return ComponentType.K8S_ATTRIBUTES;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("auth_type", "serviceAccount");
    s.put("passthrough", false);
    if (nodeFromEnvVar != null) {
      s.put("filter", Map.of("node_from_env_var", nodeFromEnvVar));
    }
    Map<String, Object> extract = new LinkedHashMap<>();
    extract.put("metadata", metadata);
    if (!podLabels.isEmpty()) {
      List<Map<String, Object>> labels = new ArrayList<>();
      for (String key : podLabels) {
        Map<String, Object> label = new LinkedHashMap<>();
        label.put("tag_name", "k8s.pod.label." + key);
        label.put("key", key);
        label.put("from", "pod");
        labels.add(label);
      }
      extract.put("labels", labels);
    }
    s.put("extract", extract);
    s.put("pod_association", podAssociations.stream().map(PodAssociation::settings).toList());
    return s;
  }

  /**
   * One pod association rule: a resource matches a pod when all sources match.
   *
   * @param fromConnection match the pod by the IP of the connection the data arrived on
   * @param resourceAttributes match the pod by these resource attributes; empty with {@code
   *     fromConnection}
   */
  public record PodAssociation(boolean fromConnection, List<String> resourceAttributes) {
    /** Requires exactly one kind of source, and at most the four sources the processor allows. */
    public PodAssociation {
      resourceAttributes = resourceAttributes == null ? List.of() : List.copyOf(resourceAttributes);
      if (fromConnection == !resourceAttributes.isEmpty()) {
        throw new ValidationException(
            "k8s_attributes pod association must use either the connection or resource"
                + " attributes, got connection="
                + fromConnection
                + " and attributes "
                + resourceAttributes);
      }
      if (resourceAttributes.size() > 4) {
        throw new ValidationException(
            "k8s_attributes pod association has "
                + resourceAttributes.size()
                + " sources; the processor allows at most 4");
      }
    }

    /** Matches by the connection's IP: for data pushed straight from the pod. */
    public static PodAssociation connection() {
      return new PodAssociation(true, List.of());
    }

    /** Matches when every named resource attribute equals the pod's. */
    public static PodAssociation resourceAttributes(String... names) {
      return new PodAssociation(false, List.of(names));
    }

    private Map<String, Object> settings() {
      List<Map<String, Object>> sources = new ArrayList<>();
      if (fromConnection) {
        sources.add(Map.of("from", "connection"));
      }
      for (String attribute : resourceAttributes) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("from", "resource_attribute");
        source.put("name", attribute);
        sources.add(source);
      }
      return Map.of("sources", sources);
    }
  }
}
