package io.otelstack.collector;

import io.otelstack.collector.K8sAttributesProcessor.PodAssociation;
import io.otelstack.internal.Maps;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pipelines and chart values of the logs agent, one collector per node (chart mode {@code
 * daemonset}). The construct maps its props to the exporter and the log processors and owns the
 * Kubernetes resources around the release.
 *
 * <p>Path of a log line: {@code filelog} (container format parsed, multi-line records joined where
 * a {@link MultilineRule} says so, checkpoints on the node) then {@code memory_limiter}, the
 * construct's processors (parsing and filtering), {@code k8s_attributes} (pod metadata, after the
 * filter so dropped lines cost no lookup), and the {@code coralogix} exporter with a persistent
 * sending queue. A {@code metrics/self} pipeline ships the agent's own metrics the same way.
 *
 * <p>{@code metrics/infrastructure} (where the construct enables them): {@code kubeletstats} (its
 * own node's kubelet) and {@code host_metrics} (its own node's host) through {@code
 * memory_limiter}, {@code k8s_attributes} (the pods' workload names), {@code
 * resource_detection/node} and the cardinality guardrail {@value #GUARDRAIL} to {@code
 * coralogix/metrics}, whose queue shares the logs' node store. Each agent reads only its own node,
 * so nothing is sharded and nothing is read twice.
 *
 * <p>Every pipeline runs {@code resource_detection/node}: {@code k8s.cluster.name} and the node's
 * EKS and EC2 attributes on every record the agent sends.
 *
 * <p>Nothing the agent has read is lost to a restart: the read offsets and the sending queue both
 * live in {@code file_storage} on a hostPath ({@code /var/lib/otel-stack/<release>}), which
 * outlives the pod. Batching happens inside the queue, after data is on disk; there is no batch
 * processor holding data in memory in front of it.
 *
 * <p>Everything that runs is explicit: no chart preset is enabled. RBAC rules, volumes, mounts and
 * environment variables are given through {@code clusterRole.rules}, {@code extraVolumes}, {@code
 * extraVolumeMounts} and {@code extraEnvs}, so the configuration built here is the whole of it.
 */
public final class LogsAgentCollector {
  /** The files the agent reads: every container's log on the node. */
  public static final String POD_LOGS_GLOB = "/var/log/pods/*/*/*.log";

  /** The environment variable holding the node name, for the k8s_attributes node filter. */
  private static final String NODE_NAME_ENV = "K8S_NODE_NAME";

  private static final String STATE_ROOT = "/var/lib/otel-stack/";

  /** The infrastructure metrics' guardrail, {@code filter/infrastructure}. */
  static final String GUARDRAIL = "filter/infrastructure";

  /**
   * What the agent's infrastructure receivers may send: the families {@code kubelet_stats} and
   * {@code host_metrics} produce, so that a metric a future receiver version turns on by default is
   * dropped until someone looks at its cost.
   */
  private static final MetricFilterProcessor INFRASTRUCTURE_GUARDRAIL =
      new MetricFilterProcessor(
          "infrastructure",
          List.of(MetricFilterProcessor.notNamed("^(k8s\\.(node|pod)|container|system)\\.")));

  /** Pod metadata for every record, looked up among the pods of the agent's own node only. */
  private static final K8sAttributesProcessor K8S_ATTRIBUTES =
      new K8sAttributesProcessor(
          "",
          NODE_NAME_ENV,
          List.of(
              "k8s.namespace.name",
              "k8s.pod.name",
              "k8s.pod.uid",
              "k8s.container.name",
              "k8s.deployment.name",
              "k8s.node.name",
              "container.image.name",
              "container.image.tag"),
          List.of(
              "app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/part-of"),
          List.of(
              PodAssociation.resourceAttributes("k8s.pod.uid"),
              PodAssociation.resourceAttributes("k8s.pod.name", "k8s.namespace.name")));

  private LogsAgentCollector() {}

  /** The node directory holding a release's checkpoints and sending queue. */
  public static String stateDirectory(String releaseName) {
    return STATE_ROOT + releaseName;
  }

  /** The store behind the exporter's sending queue, in the release's node directory. */
  public static FileStorage queueStorage(String releaseName) {
    return new FileStorage("queue", stateDirectory(releaseName) + "/queue", 10);
  }

  /**
   * The agent's configuration.
   *
   * @param releaseName the release, which names the agent's pods and its node directory
   * @param namespace the agent's namespace
   * @param extraExcludes log files never to read besides the agent's own
   * @param multiline how multi-line records are joined, per namespace or container
   * @param logProcessors what runs between the memory limiter and {@code k8s_attributes}
   * @param exporter the exporter, its queue on {@link #queueStorage}
   * @param metricsReceivers the infrastructure receivers ({@link KubeletStatsReceiver}, {@link
   *     HostMetricsReceiver}); none leaves the metrics pipeline out
   * @param metricsExporter exports the infrastructure metrics, its queue on {@link #queueStorage}
   */
  public static CollectorConfig config(
      String releaseName,
      String namespace,
      List<String> extraExcludes,
      List<MultilineRule> multiline,
      List<Component> logProcessors,
      CoralogixExporter exporter,
      List<Component> metricsReceivers,
      CoralogixExporter metricsExporter) {
    FileStorage checkpoints =
        new FileStorage("checkpoints", stateDirectory(releaseName) + "/checkpoints", 10);
    List<String> excludes = new ArrayList<>();
    // The agent's own logs would loop: each export error it logs would be read and exported.
    excludes.add("/var/log/pods/" + namespace + "_" + releaseName + "-*_*/*/*.log");
    excludes.addAll(extraExcludes);
    FilelogReceiver filelog =
        new FilelogReceiver("", List.of(POD_LOGS_GLOB), excludes, checkpoints, multiline);

    MemoryLimiter limiter = MemoryLimiter.defaults();
    List<Component> processors = new ArrayList<>();
    processors.add(limiter);
    processors.addAll(logProcessors);
    processors.add(K8S_ATTRIBUTES);
    ResourceDetectionProcessor detection = ResourceDetectionProcessor.node();
    processors.add(detection);

    SelfMetricsReceiver self = new SelfMetricsReceiver(releaseName);
    CollectorConfig.Builder config =
        CollectorConfig.builder()
            .extension(new HealthCheckExtension())
            .extension(checkpoints)
            .extension(exporter.queue().storage())
            .pipeline(new Pipeline("logs", List.of(filelog), processors, List.of(exporter)));
    if (!metricsReceivers.isEmpty()) {
      config.pipeline(
          new Pipeline(
              "metrics/infrastructure",
              metricsReceivers,
              List.of(limiter, K8S_ATTRIBUTES, detection, INFRASTRUCTURE_GUARDRAIL),
              List.of(metricsExporter)));
    }
    return self.addTo(config, limiter, detection, exporter).build();
  }

  /**
   * The DaemonSet's chart values.
   *
   * <p>Security: the agent runs as UID 0 because the kubelet writes pod logs root-owned and not
   * world-readable, with every capability dropped, no privilege escalation, a read-only root file
   * system and the runtime's seccomp profile. It needs hostPath volumes, so its namespace must
   * enforce Pod Security {@code privileged}.
   *
   * @param common the values every collector shares ({@link CollectorValues#common}), mode {@code
   *     daemonset}
   * @param releaseName the release, which names the agent's pods and its node directory
   * @param priorityClassName the PriorityClass the agent's pods run under
   * @param config the agent's configuration, which decides the host mount and the kubelet grant
   * @param clusterName the cluster's name, for {@code k8s.cluster.name}
   */
  public static Map<String, Object> values(
      Map<String, Object> common,
      String releaseName,
      String priorityClassName,
      CollectorConfig config,
      String clusterName) {
    String stateDirectory = stateDirectory(releaseName);
    Map<String, Object> v = new LinkedHashMap<>(common);
    // Pod names start with the release name, which the self-exclude glob relies on.
    v.put("fullnameOverride", releaseName);

    List<Object> envs = new ArrayList<>(asList(v.get("extraEnvs")));
    envs.add(
        map(
            "name",
            NODE_NAME_ENV,
            "valueFrom",
            map("fieldRef", map("apiVersion", "v1", "fieldPath", "spec.nodeName"))));
    envs.add(ResourceDetectionProcessor.resourceAttributesEnv(clusterName));
    v.put("extraEnvs", envs);

    v.put(
        "podSecurityContext",
        map("runAsUser", 0, "runAsGroup", 0, "seccompProfile", map("type", "RuntimeDefault")));
    // The security scan's root-user checks, waived on this DaemonSet only, with the reason above.
    v.put(
        "annotations",
        map(
            "checkov.io/skip1",
            "CKV_K8S_23=reads the kubelet's root-owned pod logs",
            "checkov.io/skip2",
            "CKV_K8S_40=reads the kubelet's root-owned pod logs"));

    Map<ComponentId, Component> receivers = config.components(Kind.RECEIVER);
    List<Map<String, Object>> rules = new ArrayList<>(K8S_ATTRIBUTES.rbacRules());
    if (has(receivers, ComponentType.KUBELET_STATS)) {
      rules.addAll(KubeletStatsReceiver.rbacRules());
    }
    v.put("clusterRole", map("create", true, "rules", rules));

    List<Object> volumes = new ArrayList<>();
    List<Object> mounts = new ArrayList<>();
    if (has(receivers, ComponentType.HOST_METRICS)) {
      // The host's root, read-only, for /proc, /sys and the mounted file systems' usage.
      volumes.add(map("name", "hostfs", "hostPath", map("path", "/", "type", "Directory")));
      mounts.add(
          map(
              "name",
              "hostfs",
              "mountPath",
              HostMetricsReceiver.ROOT_PATH,
              "readOnly",
              true,
              "mountPropagation",
              "HostToContainer"));
    }
    volumes.addAll(
        List.of(
            map(
                "name",
                "varlogpods",
                "hostPath",
                map("path", "/var/log/pods", "type", "Directory")),
            // Only Docker-runtime nodes have it (their /var/log/pods entries link into it), so no
            // type check: on containerd nodes the mount is simply empty.
            map(
                "name",
                "varlibdockercontainers",
                "hostPath",
                map("path", "/var/lib/docker/containers")),
            map(
                "name",
                "state",
                "hostPath",
                map("path", stateDirectory, "type", "DirectoryOrCreate"))));
    v.put("extraVolumes", volumes);
    mounts.addAll(
        List.of(
            map("name", "varlogpods", "mountPath", "/var/log/pods", "readOnly", true),
            map(
                "name",
                "varlibdockercontainers",
                "mountPath",
                "/var/lib/docker/containers",
                "readOnly",
                true),
            map("name", "state", "mountPath", stateDirectory)));
    v.put("extraVolumeMounts", mounts);

    v.put("tolerations", List.of(map("operator", "Exists")));
    v.put("priorityClassName", priorityClassName);

    // The agent receives nothing over the network; closing the OTLP ports also removes the
    // hostPorts the chart would open on every node.
    Map<String, Object> ports = new LinkedHashMap<>(asMap(v.get("ports")));
    ports.put("otlp", map("enabled", false));
    ports.put("otlp-http", map("enabled", false));
    v.put("ports", ports);
    return v;
  }

  private static boolean has(Map<ComponentId, Component> components, ComponentType type) {
    return components.values().stream().anyMatch(c -> c.type() == type);
  }

  private static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      m.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return Maps.copyOrdered(m);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> asList(Object o) {
    return (List<Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
