package io.otelstack.stacks;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_eks_cluster.DataAwsEksCluster;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import com.hashicorp.cdktf.providers.helm.provider.HelmProvider;
import com.hashicorp.cdktf.providers.helm.provider.HelmProviderKubernetes;
import com.hashicorp.cdktf.providers.helm.provider.HelmProviderKubernetesExec;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProvider;
import com.hashicorp.cdktf.providers.kubernetes.provider.KubernetesProviderExec;
import io.otelstack.collector.CollectorImage;
import io.otelstack.collector.ContainerResources;
import io.otelstack.config.Environment;
import io.otelstack.config.NodeGroupSettings;
import io.otelstack.config.ResourceSettings;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetProps;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.metrics.TargetAllocatorProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.network.CollectorNetworkPolicies;
import io.otelstack.constructs.network.CollectorNetworkPoliciesProps;
import io.otelstack.constructs.scaling.StackHpa;
import io.otelstack.constructs.scaling.StackHpaProps;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.constructs.storage.EbsStorageClassProps;
import io.otelstack.constructs.storage.ReclaimPolicy;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code <env>-telemetry}: everything that runs inside the cluster: namespaces, storage classes,
 * the Coralogix Kubernetes Secrets, the logs DaemonSet, and the metrics/traces StatefulSet with its
 * Target Allocator and HPA, and the NetworkPolicies that confine all of them.
 *
 * <p>The kubernetes and helm providers authenticate with {@code aws eks get-token} (short-lived
 * tokens from the caller's AWS credentials), configured from data sources that look the cluster up
 * by name: no static credentials, and no kubeconfig on the deploying machine.
 */
public final class TelemetryStack extends TerraformStack {
  /** The node group that, where an environment has it, runs the gateway and its allocator. */
  public static final String OBSERVABILITY_NODE_GROUP = "observability";

  private final LogsDaemonSet logs;
  private final MetricsTracesStatefulSet metricsTraces;
  private final TargetAllocator targetAllocator;
  private final StackHpa hpa;
  private final CollectorNetworkPolicies networkPolicies;

  /** Builds the telemetry stack of one environment. */
  public TelemetryStack(Construct scope, String id, Environment env) {
    super(scope, id);
    StackFoundation.backend(this, env, "telemetry");
    StackFoundation.aws(this, env);
    String clusterName = StackFoundation.clusterName(env);

    DataAwsEksCluster eks =
        DataAwsEksCluster.Builder.create(this, "EksCluster").name(clusterName).build();
    kubernetesProviders(eks, clusterName, env.cluster().region());

    // Sensitive in state; the synthesized JSON holds only this reference, never the value.
    DataAwsSecretsmanagerSecretVersion key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixPrivateKey")
            .secretId(env.coralogix().privateKeySecretName())
            .build();

    var collector = env.collector();
    CollectorNamespace agents =
        new CollectorNamespace(
            this,
            "AgentNamespace",
            new CollectorNamespaceProps(
                collector.namespace() + "-agents", PodSecurityLevel.PRIVILEGED));

    Construct storage = new Construct(this, "StorageClasses");
    new EbsStorageClass(
        storage,
        "General",
        EbsStorageClassProps.builder()
            .name("gp3")
            .reclaimPolicy(ReclaimPolicy.DELETE)
            .defaultClass(true)
            .build());
    EbsStorageClass queueClass =
        new EbsStorageClass(
            storage,
            "Queue",
            EbsStorageClassProps.builder()
                .name(env.queue().storageClass())
                .reclaimPolicy(ReclaimPolicy.RETAIN)
                .defaultClass(false)
                .build());

    CoralogixKubernetesSecret agentKey =
        new CoralogixKubernetesSecret(
            this,
            "AgentCoralogixSecret",
            CoralogixKubernetesSecretProps.builder()
                .namespace(agents)
                .privateKey(key.getSecretString())
                .build());

    var cx = env.coralogix();
    var l = env.logs();
    this.logs =
        new LogsDaemonSet(
            this,
            "Logs",
            LogsDaemonSetProps.builder()
                .namespace(agents)
                .coralogixSecret(agentKey)
                .coralogixDomain(cx.domain())
                .coralogixApplicationName(cx.applicationName())
                .coralogixSubsystemName(cx.subsystems().logs())
                .image(image(env))
                .resources(resources(l.resources()))
                .severityThreshold(l.severityThreshold())
                .dropDebug(l.dropDebug())
                .excludeEndpoints(l.excludeEndpoints())
                .parseJson(l.parseJson())
                .queueSizeBatches(env.queue().sizeBatches())
                .queueNumConsumers(env.queue().numConsumers())
                .queueMaxBatchSizeKi(env.queue().maxBatchSizeKi())
                .exporterTimeoutSeconds(collector.exporterTimeoutSeconds())
                .terminationGracePeriodSeconds(collector.terminationGracePeriodSeconds())
                .build());

    CollectorNamespace gateway =
        new CollectorNamespace(
            this,
            "GatewayNamespace",
            new CollectorNamespaceProps(collector.namespace(), PodSecurityLevel.RESTRICTED));
    CoralogixKubernetesSecret gatewayKey =
        new CoralogixKubernetesSecret(
            this,
            "GatewayCoralogixSecret",
            CoralogixKubernetesSecretProps.builder()
                .namespace(gateway)
                .privateKey(key.getSecretString())
                .build());
    var t = env.traces();
    var q = env.queue();
    // The gateway and its allocator go on the dedicated node group where the environment has one
    // (its labels select it, its taints keep everything else off); elsewhere on any node.
    NodeGroupSettings observability = env.cluster().nodeGroups().get(OBSERVABILITY_NODE_GROUP);
    this.metricsTraces =
        new MetricsTracesStatefulSet(
            this,
            "MetricsTraces",
            MetricsTracesStatefulSetProps.builder()
                .namespace(gateway)
                .coralogixSecret(gatewayKey)
                .coralogixDomain(cx.domain())
                .coralogixApplicationName(cx.applicationName())
                .coralogixMetricsSubsystem(cx.subsystems().metrics())
                .coralogixTracesSubsystem(cx.subsystems().traces())
                .image(image(env))
                .resources(resources(env.metrics().resources()))
                .queueEnabled(q.enabled())
                .queueSizeBatches(q.sizeBatches())
                .queueNumConsumers(q.numConsumers())
                .queueMaxBatchSizeKi(q.maxBatchSizeKi())
                .queuePvcSizeGi(q.pvcSizeGi())
                .queueStorageClass(queueClass)
                .terminationGracePeriodSeconds(collector.terminationGracePeriodSeconds())
                .preStopDelaySeconds(collector.preStopDelaySeconds())
                .exporterTimeoutSeconds(collector.exporterTimeoutSeconds())
                .tracesSamplingPercentage(t.samplingPercentage())
                .tracesHashSeed(t.hashSeed())
                .tracesKeepErrors(t.keepErrors())
                .tracesSlowTraceThresholdMs(t.slowTraceThresholdMs())
                .tracesDecisionWaitSeconds(t.decisionWaitSeconds())
                .nodeSelector(observability == null ? Map.of() : observability.labels())
                .tolerations(observability == null ? List.of() : observability.taints())
                .build());

    var m = env.metrics();
    this.targetAllocator =
        new TargetAllocator(
            this,
            "TargetAllocator",
            TargetAllocatorProps.builder()
                .collector(metricsTraces)
                .replicas(env.targetAllocator().replicas())
                .allocationStrategy(env.targetAllocator().allocationStrategy())
                .allowlist(m.allowlist())
                .dropLabels(m.dropLabels())
                .renameLabels(m.renameLabels())
                .tierAnnotation(m.tierAnnotation())
                .defaultTier(m.defaultTier())
                .scrapeTiers(m.scrapeTiers())
                .sampleLimit(m.sampleLimit())
                .labelLimit(m.labelLimit())
                .build());

    var np = env.networkPolicy();
    this.networkPolicies =
        new CollectorNetworkPolicies(
            this,
            "NetworkPolicies",
            CollectorNetworkPoliciesProps.builder()
                .gateway(metricsTraces)
                .targetAllocator(targetAllocator)
                .logs(logs)
                .otlpClientNamespaces(np.otlpClientNamespaces())
                .kubernetesApiCidrs(np.kubernetesApiCidrs(env.cluster().vpc()))
                .coralogixCidrs(np.coralogixCidrs())
                .build());

    var h = env.hpa();
    this.hpa =
        new StackHpa(
            this,
            "Hpa",
            StackHpaProps.builder()
                .target(metricsTraces)
                .minReplicas(h.minReplicas())
                .maxReplicas(h.maxReplicas())
                .targetCpuUtilizationPercent(h.targetCpuUtilizationPercent())
                .targetMemoryUtilizationPercent(h.targetMemoryUtilizationPercent())
                .scaleDownStabilizationWindowSeconds(h.scaleDown().stabilizationWindowSeconds())
                .scaleDownPercent(h.scaleDown().percent())
                .scaleDownPeriodSeconds(h.scaleDown().periodSeconds())
                .scaleUpStabilizationWindowSeconds(h.scaleUp().stabilizationWindowSeconds())
                .scaleUpPercent(h.scaleUp().percent())
                .scaleUpPeriodSeconds(h.scaleUp().periodSeconds())
                .build());
  }

  private void kubernetesProviders(DataAwsEksCluster eks, String clusterName, String region) {
    String ca = Fn.base64decode(eks.getCertificateAuthority().get(0).getData());
    List<String> tokenArgs =
        List.of("eks", "get-token", "--cluster-name", clusterName, "--region", region);
    String apiVersion = "client.authentication.k8s.io/v1beta1";
    KubernetesProvider.Builder.create(this, "Kubernetes")
        .host(eks.getEndpoint())
        .clusterCaCertificate(ca)
        .exec(
            List.of(
                KubernetesProviderExec.builder()
                    .apiVersion(apiVersion)
                    .command("aws")
                    .args(tokenArgs)
                    .build()))
        .build();
    HelmProvider.Builder.create(this, "Helm")
        .kubernetes(
            HelmProviderKubernetes.builder()
                .host(eks.getEndpoint())
                .clusterCaCertificate(ca)
                .exec(
                    HelmProviderKubernetesExec.builder()
                        .apiVersion(apiVersion)
                        .command("aws")
                        .args(tokenArgs)
                        .build())
                .build())
        .build();
  }

  private static CollectorImage image(Environment env) {
    return new CollectorImage(env.collector().image().repository(), env.collector().image().tag());
  }

  private static ContainerResources resources(ResourceSettings r) {
    return new ContainerResources(r.cpuRequest(), r.memoryRequest(), r.cpuLimit(), r.memoryLimit());
  }

  /** The logs DaemonSet. */
  public LogsDaemonSet logs() {
    return logs;
  }

  /** The metrics and traces StatefulSet. */
  public MetricsTracesStatefulSet metricsTraces() {
    return metricsTraces;
  }

  /** The Target Allocator feeding the StatefulSet's Prometheus receiver. */
  public TargetAllocator targetAllocator() {
    return targetAllocator;
  }

  /** The NetworkPolicies of both collector namespaces. */
  public CollectorNetworkPolicies networkPolicies() {
    return networkPolicies;
  }

  /** The StatefulSet's autoscaler. */
  public StackHpa hpa() {
    return hpa;
  }
}
