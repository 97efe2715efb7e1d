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
import io.otelstack.collector.CoralogixMapping;
import io.otelstack.config.Environment;
import io.otelstack.config.NodeGroupSettings;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.telemetry.TelemetryPlatform;
import io.otelstack.constructs.telemetry.TelemetryPlatformProps;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code <env>-telemetry}: everything that runs inside the cluster, as one {@link
 * TelemetryPlatform} (namespaces, storage classes, the Coralogix Kubernetes Secrets, the logs
 * DaemonSet, the metrics/traces StatefulSet with its Target Allocator and HPA, and the
 * NetworkPolicies that confine all of them). The stack adds the backend, the providers and the data
 * sources, and builds the platform's props from the environment file.
 *
 * <p>The kubernetes and helm providers authenticate with {@code aws eks get-token} (short-lived
 * tokens from the caller's AWS credentials), configured from data sources that look the cluster up
 * by name: no static credentials, and no kubeconfig on the deploying machine.
 */
public final class TelemetryStack extends TerraformStack {
  /** The node group that, where an environment has it, runs the gateway and its allocator. */
  public static final String OBSERVABILITY_NODE_GROUP = "observability";

  private final TelemetryPlatform platform;

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

    this.platform =
        new TelemetryPlatform(
            this, "Default", platformProps(env).coralogixPrivateKey(key.getSecretString()).build());
  }

  /**
   * The telemetry side as the environment configures it, all but the Coralogix key: {@code
   * otel-collector-stack} starts from the same props, built from {@code _defaults.yaml}.
   */
  public static TelemetryPlatformProps.Builder platformProps(Environment env) {
    var collector = env.collector();
    var cx = env.coralogix();
    var l = env.logs();
    var q = env.queue();
    var t = env.traces();
    var m = env.metrics();
    var h = env.hpa();
    var np = env.networkPolicy();
    var infra = env.infrastructure();
    // The gateway and its allocator go on the dedicated node group where the environment has one
    // (its labels select it, its taints keep everything else off); elsewhere on any node.
    NodeGroupSettings observability = env.cluster().nodeGroups().get(OBSERVABILITY_NODE_GROUP);
    CoralogixMapping mapping =
        new CoralogixMapping(
            cx.mapping().applicationAttributes(), cx.mapping().subsystemAttributes());
    var sm = t.spanMetrics();
    return TelemetryPlatformProps.builder()
        .namespace(collector.namespace())
        .clusterName(StackFoundation.clusterName(env))
        .coralogixDomain(cx.domain())
        .coralogixApplicationName(cx.applicationName())
        .queueStorageClassName(q.storageClass())
        .logs(
            b ->
                b.coralogixSubsystemName(cx.subsystems().logs())
                    .coralogixMapping(mapping)
                    .image(image(env))
                    .resources(l.resources().containerResources())
                    .severityThreshold(l.severityThreshold())
                    .dropDebug(l.dropDebug())
                    .excludeEndpoints(l.excludeEndpoints())
                    .parseJson(l.parseJson())
                    .multiline(l.multiline())
                    .queueSizeBatches(q.sizeBatches())
                    .queueNumConsumers(q.numConsumers())
                    .queueMaxBatchSizeKi(q.maxBatchSizeKi())
                    .exporterTimeoutSeconds(collector.exporterTimeoutSeconds())
                    .terminationGracePeriodSeconds(collector.terminationGracePeriodSeconds())
                    .kubeletMetrics(infra.kubeletMetrics())
                    .hostMetrics(infra.hostMetrics())
                    .infrastructureIntervalSeconds(infra.intervalSeconds())
                    .coralogixMetricsSubsystem(cx.subsystems().metrics()))
        .clusterCollector(
            infra.clusterCollectorEnabled()
                ? b ->
                    b.clusterMetrics(infra.clusterMetrics())
                        .kubernetesEvents(infra.kubernetesEvents())
                        .intervalSeconds(infra.intervalSeconds())
                        .coralogixMetricsSubsystem(cx.subsystems().metrics())
                        .coralogixEventsSubsystem(infra.eventsSubsystem())
                        .image(image(env))
                        .resources(infra.clusterCollector().resources().containerResources())
                        .queueSizeBatches(q.sizeBatches())
                        .queueNumConsumers(q.numConsumers())
                        .queueMaxBatchSizeKi(q.maxBatchSizeKi())
                        .queuePvcSizeGi(infra.clusterCollector().pvcSizeGi())
                        .exporterTimeoutSeconds(collector.exporterTimeoutSeconds())
                        .terminationGracePeriodSeconds(collector.terminationGracePeriodSeconds())
                : null)
        .metricsTraces(
            b ->
                b.coralogixMetricsSubsystem(cx.subsystems().metrics())
                    .coralogixTracesSubsystem(cx.subsystems().traces())
                    .coralogixLogsSubsystem(cx.subsystems().logs())
                    .coralogixMapping(mapping)
                    .image(image(env))
                    .resources(m.resources().containerResources())
                    .queueEnabled(q.enabled())
                    .queueSizeBatches(q.sizeBatches())
                    .queueNumConsumers(q.numConsumers())
                    .queueMaxBatchSizeKi(q.maxBatchSizeKi())
                    .queuePvcSizeGi(q.pvcSizeGi())
                    .terminationGracePeriodSeconds(collector.terminationGracePeriodSeconds())
                    .preStopDelaySeconds(collector.preStopDelaySeconds())
                    .exporterTimeoutSeconds(collector.exporterTimeoutSeconds())
                    .tracesSamplingPercentage(t.samplingPercentage())
                    .tracesHashSeed(t.hashSeed())
                    .tracesKeepErrors(t.keepErrors())
                    .tracesSlowTraceThresholdMs(t.slowTraceThresholdMs())
                    .tracesDecisionWaitSeconds(t.decisionWaitSeconds())
                    .spanMetricsEnabled(sm.enabled())
                    .spanMetricsDimensions(sm.dimensions())
                    .spanMetricsBucketsMs(sm.bucketsMs())
                    .spanMetricsCardinalityLimit(sm.cardinalityLimit())
                    .spanMetricsExpirationMinutes(sm.expirationMinutes())
                    .nodeSelector(observability == null ? Map.of() : observability.labels())
                    .tolerations(observability == null ? List.of() : observability.taints()))
        .targetAllocator(
            b ->
                b.replicas(env.targetAllocator().replicas())
                    .allocationStrategy(env.targetAllocator().allocationStrategy())
                    .allowlist(m.allowlist())
                    .dropLabels(m.dropLabels())
                    .renameLabels(m.renameLabels())
                    .tierAnnotation(m.tierAnnotation())
                    .defaultTier(m.defaultTier())
                    .scrapeTiers(m.scrapeTiers())
                    .sampleLimit(m.sampleLimit())
                    .labelLimit(m.labelLimit()))
        .networkPolicies(
            b ->
                b.otlpClientNamespaces(np.otlpClientNamespaces())
                    .kubernetesApiCidrs(np.kubernetesApiCidrs(env.cluster().vpc()))
                    .coralogixCidrs(np.coralogixCidrs()))
        .hpa(
            b ->
                b.minReplicas(h.minReplicas())
                    .maxReplicas(h.maxReplicas())
                    .targetCpuUtilizationPercent(h.targetCpuUtilizationPercent())
                    .targetMemoryUtilizationPercent(h.targetMemoryUtilizationPercent())
                    .scaleDownStabilizationWindowSeconds(h.scaleDown().stabilizationWindowSeconds())
                    .scaleDownPercent(h.scaleDown().percent())
                    .scaleDownPeriodSeconds(h.scaleDown().periodSeconds())
                    .scaleUpStabilizationWindowSeconds(h.scaleUp().stabilizationWindowSeconds())
                    .scaleUpPercent(h.scaleUp().percent())
                    .scaleUpPeriodSeconds(h.scaleUp().periodSeconds()));
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

  /** The telemetry side: namespaces, storage classes, Secrets, collectors and their policies. */
  public TelemetryPlatform platform() {
    return platform;
  }

  /** The logs DaemonSet. */
  public LogsDaemonSet logs() {
    return platform.logs();
  }

  /** The metrics and traces StatefulSet. */
  public MetricsTracesStatefulSet metricsTraces() {
    return platform.metricsTraces();
  }

  /** The Target Allocator feeding the StatefulSet's Prometheus receiver. */
  public TargetAllocator targetAllocator() {
    return platform.targetAllocator();
  }
}
