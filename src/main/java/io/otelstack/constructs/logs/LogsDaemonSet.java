package io.otelstack.constructs.logs;

import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1;
import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1Config;
import com.hashicorp.cdktf.providers.kubernetes.priority_class_v1.PriorityClassV1Metadata;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.CollectorConfig;
import io.otelstack.collector.CollectorValues;
import io.otelstack.collector.Component;
import io.otelstack.collector.CoralogixExporter;
import io.otelstack.collector.FileStorage;
import io.otelstack.collector.FilelogReceiver;
import io.otelstack.collector.FilterProcessor;
import io.otelstack.collector.HealthCheckExtension;
import io.otelstack.collector.K8sAttributesProcessor;
import io.otelstack.collector.K8sAttributesProcessor.PodAssociation;
import io.otelstack.collector.MemoryLimiter;
import io.otelstack.collector.Pipeline;
import io.otelstack.collector.SelfMetricsReceiver;
import io.otelstack.collector.SendingQueue;
import io.otelstack.collector.TransformProcessor;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.internal.ChartRelease;
import io.otelstack.internal.Maps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The logs agent: one collector per node (chart mode {@code daemonset}) that tails the node's pod
 * logs and ships them to Coralogix.
 *
 * <p>Path of a log line: {@code filelog} (container format parsed, checkpoints on the node) then
 * {@code memory_limiter}, {@code transform/parse} (JSON body, severity), {@code filter/drop}
 * (health checks, severity threshold, debug), {@code k8s_attributes} (pod metadata, after the
 * filter so dropped lines cost no lookup), and the {@code coralogix} exporter with a persistent
 * sending queue. A {@code metrics/self} pipeline ships the agent's own metrics the same way.
 *
 * <p>Nothing the agent has read is lost to a restart: the read offsets and the sending queue both
 * live in {@code file_storage} on a hostPath ({@code /var/lib/otel-stack/<release>}), which
 * outlives the pod. Batching happens inside the queue, after data is on disk; there is no batch
 * processor holding data in memory in front of it.
 *
 * <p>Everything that runs is explicit: no chart preset is enabled. RBAC rules, volumes, mounts and
 * environment variables are given through {@code clusterRole.rules}, {@code extraVolumes}, {@code
 * extraVolumeMounts} and {@code extraEnvs}, so {@link #collectorConfig()} is the whole
 * configuration.
 *
 * <p>Security: the agent runs as UID 0 because the kubelet writes pod logs root-owned and not
 * world-readable, with every capability dropped, no privilege escalation, a read-only root file
 * system and the runtime's seccomp profile. It needs hostPath volumes, so its namespace must
 * enforce {@link PodSecurityLevel#PRIVILEGED}; see {@link CollectorNamespace}.
 *
 * <p>Scheduling: it tolerates every taint, so tainted nodes (e.g. the dedicated observability
 * group) get an agent too, and runs under its own PriorityClass {@code <release>-node-critical}
 * (value {@value #PRIORITY}, allowed to preempt). Not {@code system-node-critical}: that class is
 * for components a node cannot work without (CNI, kube-proxy), and would make the kubelet evict the
 * agent only after them under memory pressure. Ours outranks ordinary workloads, so a full node
 * makes room for its agent, without competing with the node's own components.
 */
public class LogsDaemonSet extends Construct {
  /** The environment variable holding the node name, for the k8s_attributes node filter. */
  private static final String NODE_NAME_ENV = "K8S_NODE_NAME";

  /** The PriorityClass value: above ordinary workloads, far below the system classes. */
  public static final int PRIORITY = 1_000_000;

  /** The files the agent reads: every container's log on the node. */
  public static final String POD_LOGS_GLOB = "/var/log/pods/*/*/*.log";

  private static final String STATE_ROOT = "/var/lib/otel-stack/";
  private static final List<String> METADATA =
      List.of(
          "k8s.namespace.name",
          "k8s.pod.name",
          "k8s.pod.uid",
          "k8s.container.name",
          "k8s.deployment.name",
          "k8s.node.name",
          "container.image.name",
          "container.image.tag");
  private static final List<String> POD_LABELS =
      List.of("app.kubernetes.io/name", "app.kubernetes.io/component", "app.kubernetes.io/part-of");

  private final LogsDaemonSetProps props;
  private final String stateDirectory;
  private final String priorityClassName;
  private final CollectorConfig collectorConfig;
  private final Map<String, Object> values;

  /** Creates the PriorityClass ({@code PriorityClass}) and the Helm release ({@code Resource}). */
  public LogsDaemonSet(Construct scope, String id, LogsDaemonSetProps props) {
    super(scope, id);
    validate(props);
    this.props = props;
    this.stateDirectory = STATE_ROOT + props.releaseName();
    this.priorityClassName = props.releaseName() + "-node-critical";
    K8sAttributesProcessor k8sAttributes =
        new K8sAttributesProcessor(
            "",
            NODE_NAME_ENV,
            METADATA,
            POD_LABELS,
            List.of(
                PodAssociation.resourceAttributes("k8s.pod.uid"),
                PodAssociation.resourceAttributes("k8s.pod.name", "k8s.namespace.name")));
    this.collectorConfig = buildConfig(k8sAttributes);
    this.values = Collections.unmodifiableMap(buildValues(k8sAttributes));

    PriorityClassV1 priorityClass =
        new PriorityClassV1(
            this,
            "PriorityClass",
            PriorityClassV1Config.builder()
                .metadata(PriorityClassV1Metadata.builder().name(priorityClassName).build())
                .value(PRIORITY)
                .globalDefault(false)
                .preemptionPolicy("PreemptLowerPriority")
                .description(
                    "Node log agents of otel-stack: above workloads, below system components.")
                .build());
    ChartRelease.create(
        this,
        "Resource",
        CollectorChart.COLLECTOR,
        props.releaseName(),
        props.namespace().name(),
        this::values,
        List.of(
            props.namespace().dependable(), props.coralogixSecret().dependable(), priorityClass));
  }

  private void validate(LogsDaemonSetProps p) {
    String path = getNode().getPath();
    List<String> errors = new ArrayList<>();
    if (p.namespace().podSecurity() != PodSecurityLevel.PRIVILEGED) {
      errors.add(
          path
              + ": namespace "
              + p.namespace().name()
              + " enforces "
              + p.namespace().podSecurity().value()
              + " Pod Security, which rejects the agent's hostPath volumes and root user; give"
              + " the agent a namespace with podSecurity PRIVILEGED");
    }
    if (p.coralogixSecret().namespace() != p.namespace()) {
      errors.add(
          path
              + ": coralogixSecret is in namespace "
              + p.coralogixSecret().namespace().name()
              + " but the agent runs in "
              + p.namespace().name()
              + "; a pod reads only Secrets of its own namespace, so create a"
              + " CoralogixKubernetesSecret in "
              + p.namespace().name());
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
  }

  private CollectorConfig buildConfig(K8sAttributesProcessor k8sAttributes) {
    FileStorage checkpoints = new FileStorage("checkpoints", stateDirectory + "/checkpoints", 10);
    FileStorage queue = new FileStorage("queue", stateDirectory + "/queue", 10);
    CoralogixExporter exporter =
        new CoralogixExporter(
            "",
            props.coralogixDomain(),
            props.coralogixApplicationName(),
            props.coralogixSubsystemName(),
            CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
            props.exporterTimeoutSeconds(),
            new SendingQueue(
                queue,
                props.queueNumConsumers(),
                props.queueSizeBatches(),
                props.queueMaxBatchSizeKi()));
    List<String> excludes = new ArrayList<>();
    // The agent's own logs would loop: each export error it logs would be read and exported.
    excludes.add(
        "/var/log/pods/" + props.namespace().name() + "_" + props.releaseName() + "-*_*/*/*.log");
    excludes.addAll(props.extraFilelogExcludes());
    FilelogReceiver filelog =
        new FilelogReceiver("", List.of(POD_LOGS_GLOB), excludes, checkpoints);

    MemoryLimiter limiter = MemoryLimiter.defaults();
    List<Component> processors = new ArrayList<>();
    processors.add(limiter);
    if (props.parseJson()) {
      processors.add(new TransformProcessor("parse", LogRules.parseStatements()));
    }
    processors.add(
        new FilterProcessor(
            "drop",
            LogRules.dropConditions(
                props.excludeEndpoints(), props.severityThreshold(), props.dropDebug())));
    processors.add(k8sAttributes);

    SelfMetricsReceiver self = new SelfMetricsReceiver(props.releaseName());
    return CollectorConfig.builder()
        .extension(new HealthCheckExtension())
        .extension(checkpoints)
        .extension(queue)
        .pipeline(new Pipeline("logs", List.of(filelog), processors, List.of(exporter)))
        .pipeline(self.pipeline(limiter, exporter))
        .telemetry("resource", SelfMetricsReceiver.telemetryResource())
        .telemetry("metrics", SelfMetricsReceiver.telemetryMetrics())
        .build();
  }

  private Map<String, Object> buildValues(K8sAttributesProcessor k8sAttributes) {
    Map<String, Object> v =
        new LinkedHashMap<>(
            CollectorValues.common(
                "daemonset",
                props.image(),
                collectorConfig,
                props.resources(),
                props.coralogixSecret().name(),
                props.coralogixSecret().key(),
                CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
                props.terminationGracePeriodSeconds()));
    // Pod names start with the release name, which the self-exclude glob relies on.
    v.put("fullnameOverride", props.releaseName());

    List<Object> envs = new ArrayList<>(asList(v.get("extraEnvs")));
    envs.add(
        map(
            "name",
            NODE_NAME_ENV,
            "valueFrom",
            map("fieldRef", map("apiVersion", "v1", "fieldPath", "spec.nodeName"))));
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

    v.put("clusterRole", map("create", true, "rules", k8sAttributes.rbacRules()));

    v.put(
        "extraVolumes",
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
    v.put(
        "extraVolumeMounts",
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

  /** The resolved props. */
  public LogsDaemonSetProps props() {
    return props;
  }

  /** The labels the chart puts on every agent pod, and only on them. */
  public Map<String, String> podSelectorLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", CollectorChart.COLLECTOR.chart());
    labels.put("app.kubernetes.io/instance", props.releaseName());
    labels.put("component", "agent-collector");
    return labels;
  }

  /** The node directory holding the checkpoints and the sending queue. */
  public String stateDirectory() {
    return stateDirectory;
  }

  /** The name of the PriorityClass the agent pods run under. */
  public String priorityClassName() {
    return priorityClassName;
  }

  /** The typed collector configuration the agent runs. */
  public CollectorConfig collectorConfig() {
    return collectorConfig;
  }

  /** The Helm values rendered into the release; read-only. */
  public Map<String, Object> values() {
    return values;
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
