package io.otelstack.constructs.metrics;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.providers.helm.release.ReleasePostrender;
import com.hashicorp.cdktf.providers.kubernetes.pod_disruption_budget_v1.PodDisruptionBudgetV1;
import com.hashicorp.cdktf.providers.kubernetes.pod_disruption_budget_v1.PodDisruptionBudgetV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.pod_disruption_budget_v1.PodDisruptionBudgetV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.pod_disruption_budget_v1.PodDisruptionBudgetV1SpecSelector;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.ScrapeJobs;
import io.otelstack.internal.ChartRelease;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.constructs.Construct;

/**
 * The Target Allocator (upstream chart {@code opentelemetry-target-allocator}) feeding a {@link
 * MetricsTracesStatefulSet}: it discovers pods to scrape and assigns each target to exactly one
 * collector replica, by consistent hashing, so the replicas share the scraping without duplicates
 * and a replica joining or leaving moves only its own share.
 *
 * <p><b>What is scraped.</b> Pods annotated {@code prometheus.io/scrape: "true"}, at the path and
 * port of {@code prometheus.io/path} and {@code prometheus.io/port} when set. A pod chooses its
 * scrape interval with the tier annotation (default {@code otel-stack.io/scrape-tier}), e.g.:
 *
 * <pre>{@code
 * metadata:
 *   annotations:
 *     prometheus.io/scrape: "true"
 *     prometheus.io/port: "9090"
 *     otel-stack.io/scrape-tier: critical   # 15s; "development" is 300s
 * }</pre>
 *
 * A pod without the annotation, or with a value that names no tier, is scraped in the default tier
 * ({@code normal}, 60 s): a typo slows a pod's scraping down, it never stops it. Each tier is one
 * scrape job, {@code pods-<tier>}.
 *
 * <p><b>What is kept.</b> Only metrics matching the allowlist; {@code pod_ip}, {@code instance_id}
 * and the environment's high-cardinality labels are dropped; {@code service} is renamed {@code
 * service_name}. A scrape over the sample or label limit fails as a whole, so one misbehaving pod
 * cannot flood the backend. The scrape configs live here, in the allocator, not in the collector:
 * the allocator owns the jobs and hands each collector only its targets.
 *
 * <p><b>Availability.</b> With consistent hashing the assignment depends only on the targets and
 * the collectors, so two replicas (behind one Service) give the same answer and one can be drained
 * at any time; a PodDisruptionBudget keeps at most one away.
 *
 * <p><b>Least privilege.</b> The chart's own ClusterRole grants every verb on Prometheus Operator
 * resources and StatefulSets; this construct disables it and binds a ClusterRole that can only read
 * pods and nodes, all the allocator needs for pod and node discovery and for watching its
 * collectors (Prometheus Operator resources are not used).
 *
 * <p><b>Its own jobs.</b> Beside the pod tiers, the allocator hands out {@value #ALLOCATOR_JOB}
 * (its own metrics) and {@value #KUBELET_JOB} (each node's kubelet), which feed the <code>
 * &lt;env&gt;-coralogix</code> stack's cluster-side alerts; see {@link ScrapeJobs#allocatorPods}
 * and {@link ScrapeJobs#kubelets}.
 *
 * <p>Terraform children: {@code Resource} (the {@code helm_release}), {@code ServiceAccount},
 * {@code ClusterRole}, {@code ClusterRoleBinding} and {@code DisruptionBudget}.
 */
public class TargetAllocator extends Construct {
  /** Port of the chart's allocator Service. */
  public static final int SERVICE_PORT = 80;

  /** Port the chart's allocator container listens on, behind {@link #SERVICE_PORT}. */
  public static final int CONTAINER_PORT = 8080;

  /** The scrape job of the allocator's own metrics. */
  public static final String ALLOCATOR_JOB = "target-allocator";

  /** The scrape job of the kubelets' metrics, through the API server's node proxy. */
  public static final String KUBELET_JOB = "kubelet";

  /**
   * A sed script adding a restricted securityContext to the allocator's container, run by Helm as a
   * post-renderer.
   *
   * <p>Why: the namespace enforces Pod Security {@code restricted}, and chart 0.158.0 has no
   * securityContext values at all, so without this every allocator pod is refused ("violates
   * PodSecurity restricted:latest: allowPrivilegeEscalation != false, unrestricted capabilities,
   * runAsNonRoot != true, seccompProfile"), Helm times out and {@code atomic} uninstalls the
   * release. The alternatives were worse: relaxing the namespace to {@code baseline} would relax it
   * for the gateway too, and a namespace of its own for the allocator would still run it with
   * escalation and capabilities it does not need. {@code sed} is on every machine that runs
   * Terraform and, in POSIX syntax, behaves the same with GNU and BSD sed.
   *
   * <p>The script matches the container's line exactly as chart 0.158.0 renders it; if a chart
   * upgrade moves it, nothing is inserted and the control-plane apply test fails on the refused
   * pods. UID 65532 is the allocator image's own non-root user.
   */
  static final String SECURITY_CONTEXT =
      String.join(
          "\\\n",
          "s/^        - name: targetallocator$/&",
          "          securityContext:",
          "            allowPrivilegeEscalation: false",
          "            capabilities:",
          "              drop: [ALL]",
          "            runAsNonRoot: true",
          "            runAsUser: 65532",
          "            runAsGroup: 65532",
          "            seccompProfile:",
          "              type: RuntimeDefault/");

  private final TargetAllocatorProps props;

  /** Creates the allocator release, its RBAC and its disruption budget, and feeds the collector. */
  public TargetAllocator(Construct scope, String id, TargetAllocatorProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (TargetAllocatorProps) is required");
    }
    this.props = props;
    MetricsTracesStatefulSet collector = props.collector();
    collector.feedWith(this);
    String namespace = collector.namespace().name();
    List<ITerraformDependable> dependsOn = List.of(collector.namespace().dependable());

    List<ITerraformDependable> rbac =
        AllocatorRbac.create(
            this,
            namespace,
            serviceAccountName(),
            namespace + "-" + collector.name() + "-ta",
            dependsOn);
    ChartRelease.create(
            this,
            "Resource",
            CollectorChart.TARGET_ALLOCATOR,
            releaseName(),
            namespace,
            this::values,
            // Without its ServiceAccount and binding the allocator's pods cannot start or discover.
            Stream.concat(dependsOn.stream(), rbac.stream()).toList())
        .putPostrender(
            ReleasePostrender.builder()
                .binaryPath("sed")
                .args(List.of("-e", SECURITY_CONTEXT))
                .build());
    PodDisruptionBudgetV1.Builder.create(this, "DisruptionBudget")
        .metadata(
            PodDisruptionBudgetV1Metadata.builder()
                .name(collector.name() + "-ta")
                .namespace(namespace)
                .build())
        .spec(
            PodDisruptionBudgetV1Spec.builder()
                // maxUnavailable rather than minAvailable: with a single replica (dev) a node
                // drain still proceeds.
                .maxUnavailable("1")
                .selector(
                    PodDisruptionBudgetV1SpecSelector.builder().matchLabels(podLabels()).build())
                .build())
        .dependsOn(dependsOn)
        .build();
  }

  /** The props as resolved, defaults applied. */
  public TargetAllocatorProps props() {
    return props;
  }

  /** The collector this allocator feeds. */
  public MetricsTracesStatefulSet collector() {
    return props.collector();
  }

  /** Allocator replicas. */
  public int replicas() {
    return props.replicas();
  }

  /** The allocation strategy. */
  public AllocationStrategy allocationStrategy() {
    return props.allocationStrategy();
  }

  /** The allocator's in-cluster HTTP endpoint, which the collectors poll for their targets. */
  public String endpoint() {
    return "http://"
        + serviceName()
        + "."
        + collector().namespace().name()
        + ".svc.cluster.local:"
        + SERVICE_PORT;
  }

  /** The labels of the allocator's pods. */
  public Map<String, String> podLabels() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", CollectorChart.TARGET_ALLOCATOR.chart());
    labels.put("app.kubernetes.io/instance", releaseName());
    return labels;
  }

  /** The Helm values of the allocator release. */
  public Map<String, Object> values() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("allocation_strategy", props.allocationStrategy().value());
    // Targets the relabel rules would drop are never assigned, so they cost no scrape at all.
    config.put("filter_strategy", "relabel-config");
    config.put("collector_namespace", collector().namespace().name());
    // The allocator unmarshals a Kubernetes LabelSelector with a YAML library that lower-cases
    // field names: "matchLabels" would be ignored, the selector would be empty, and every pod in
    // the namespace would be handed targets.
    config.put("collector_selector", Map.of("matchlabels", collector().podSelectorLabels()));
    config.put("prometheus_cr", Map.of("enabled", false));
    config.put("config", Map.of("scrape_configs", scrapeConfigs()));

    Map<String, Object> allocator = new LinkedHashMap<>();
    allocator.put("serviceAccount", Map.of("create", false, "name", serviceAccountName()));
    allocator.put("config", config);
    allocator.put("resources", props.resources().toValues());

    Map<String, Object> v = new LinkedHashMap<>();
    v.put("fullnameOverride", collector().name());
    v.put("mode", "deployment");
    v.put("replicaCount", props.replicas());
    v.put("targetAllocator", allocator);
    // Beside its collector: on the same (dedicated) nodes, spread the same way.
    Placement.addTo(v, collector().props(), podLabels());
    return v;
  }

  /**
   * What a collector fed by this allocator must be granted to run its jobs: {@code get} on {@code
   * nodes/proxy}, the API server's route to each kubelet's {@code /metrics}.
   */
  public List<Map<String, Object>> collectorRbacRules() {
    return List.of(ScrapeJobs.KUBELET_PROXY_RULE);
  }

  private List<Object> scrapeConfigs() {
    List<Object> jobs = new ArrayList<>();
    props.scrapeTiers().forEach((tier, interval) -> jobs.add(job(tier, interval)));
    // The stack's own monitoring, at the default tier's interval.
    Duration interval = props.scrapeTiers().get(props.defaultTier());
    String namespace = collector().namespace().name();
    jobs.add(
        ScrapeJobs.allocatorPods(
            ALLOCATOR_JOB, interval, namespace, releaseName(), CONTAINER_PORT));
    jobs.add(ScrapeJobs.kubelets(KUBELET_JOB, interval, namespace));
    return jobs;
  }

  private Map<String, Object> job(String tier, Duration interval) {
    Map<String, Object> job = ScrapeJobs.job("pods-" + tier, interval);
    job.put("sample_limit", props.sampleLimit());
    job.put("label_limit", props.labelLimit());
    job.put("kubernetes_sd_configs", List.of(Map.of("role", "pod")));
    job.put(
        "relabel_configs",
        ScrapeJobs.podTargets(
            tier, props.scrapeTiers().keySet(), props.defaultTier(), props.tierAnnotation()));
    job.put(
        "metric_relabel_configs",
        ScrapeJobs.podSamples(props.allowlist(), props.renameLabels(), props.dropLabels()));
    return job;
  }

  /** The Helm release name, which also names the allocator's pods. */
  public String releaseName() {
    return collector().name() + "-target-allocator";
  }

  private String serviceName() {
    // The chart appends "-ta" to its full name, which is overridden with the collector's name.
    return collector().name() + "-ta";
  }

  private String serviceAccountName() {
    return collector().name() + "-ta";
  }
}
