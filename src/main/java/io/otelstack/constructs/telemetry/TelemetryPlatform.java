package io.otelstack.constructs.telemetry;

import io.otelstack.ValidationException;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSet;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSetProps;
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
import java.util.Optional;
import software.constructs.Construct;

/**
 * The telemetry side of the project, inside one cluster: the two collector namespaces, the storage
 * classes, the Coralogix key as a Kubernetes Secret in each namespace, the logs DaemonSet, the
 * metrics/traces StatefulSet with its Target Allocator and HPA, the cluster collector, and the
 * NetworkPolicies confining them. {@code TelemetryStack} and the {@code otel-collector-stack}
 * Terraform module are both this construct, with their providers and data sources around it.
 *
 * <p>The parts keep the IDs they had when the stack created them itself ({@code AgentNamespace},
 * {@code StorageClasses/Queue}, {@code MetricsTraces}, ...), and both users give this construct the
 * ID {@code Default}, which cdktf leaves out of the Terraform address of everything under it: so
 * the addresses of the deployed resources are the same as before this construct existed.
 */
public class TelemetryPlatform extends Construct {
  /** Appended to {@link TelemetryPlatformProps#namespace()} to name the logs agents' namespace. */
  public static final String AGENTS_NAMESPACE_SUFFIX = "-agents";

  private final CollectorNamespace agentNamespace;
  private final CollectorNamespace gatewayNamespace;
  private final EbsStorageClass queueStorageClass;
  private final LogsDaemonSet logs;
  private final MetricsTracesStatefulSet metricsTraces;
  private final TargetAllocator targetAllocator;
  private final ClusterCollectorStatefulSet clusterCollector;
  private final CollectorNetworkPolicies networkPolicies;
  private final StackHpa hpa;

  /** Creates every part, wired to the namespaces, Secrets and StorageClass it creates. */
  public TelemetryPlatform(Construct scope, String id, TelemetryPlatformProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (TelemetryPlatformProps) is required");
    }
    this.agentNamespace =
        new CollectorNamespace(
            this,
            "AgentNamespace",
            new CollectorNamespaceProps(
                props.namespace() + AGENTS_NAMESPACE_SUFFIX, PodSecurityLevel.PRIVILEGED));

    Construct storage = new Construct(this, "StorageClasses");
    if (props.defaultStorageClass()) {
      new EbsStorageClass(
          storage,
          "General",
          EbsStorageClassProps.builder()
              .name("gp3")
              .reclaimPolicy(ReclaimPolicy.DELETE)
              .defaultClass(true)
              .build());
    }
    this.queueStorageClass =
        new EbsStorageClass(
            storage,
            "Queue",
            EbsStorageClassProps.builder()
                .name(props.queueStorageClassName())
                .reclaimPolicy(ReclaimPolicy.RETAIN)
                .defaultClass(false)
                .build());

    this.logs =
        new LogsDaemonSet(
            this,
            "Logs",
            props
                .logs()
                .apply(LogsDaemonSetProps.builder())
                .namespace(agentNamespace)
                .coralogixSecret(keySecret("AgentCoralogixSecret", agentNamespace, props))
                .coralogixDomain(props.coralogixDomain())
                .coralogixApplicationName(props.coralogixApplicationName())
                .clusterName(props.clusterName())
                .build());

    this.gatewayNamespace =
        new CollectorNamespace(
            this,
            "GatewayNamespace",
            new CollectorNamespaceProps(props.namespace(), PodSecurityLevel.RESTRICTED));
    this.metricsTraces =
        new MetricsTracesStatefulSet(
            this,
            "MetricsTraces",
            props
                .metricsTraces()
                .apply(MetricsTracesStatefulSetProps.builder())
                .namespace(gatewayNamespace)
                .coralogixSecret(keySecret("GatewayCoralogixSecret", gatewayNamespace, props))
                .coralogixDomain(props.coralogixDomain())
                .coralogixApplicationName(props.coralogixApplicationName())
                .queueStorageClass(queueStorageClass)
                .clusterName(props.clusterName())
                .build());
    CoralogixKubernetesSecret gatewaySecret = metricsTraces.props().coralogixSecret();
    this.clusterCollector =
        props.clusterCollector() == null
            ? null
            : new ClusterCollectorStatefulSet(
                this,
                "ClusterCollector",
                props
                    .clusterCollector()
                    .apply(ClusterCollectorStatefulSetProps.builder())
                    .namespace(gatewayNamespace)
                    .coralogixSecret(gatewaySecret)
                    .coralogixDomain(props.coralogixDomain())
                    .coralogixApplicationName(props.coralogixApplicationName())
                    .queueStorageClass(queueStorageClass)
                    .clusterName(props.clusterName())
                    .build());
    this.targetAllocator =
        new TargetAllocator(
            this,
            "TargetAllocator",
            props
                .targetAllocator()
                .apply(TargetAllocatorProps.builder())
                .collector(metricsTraces)
                .build());
    this.networkPolicies =
        props.networkPolicies() == null
            ? null
            : new CollectorNetworkPolicies(
                this,
                "NetworkPolicies",
                props
                    .networkPolicies()
                    .apply(CollectorNetworkPoliciesProps.builder())
                    .gateway(metricsTraces)
                    .targetAllocator(targetAllocator)
                    .logs(logs)
                    .clusterCollector(clusterCollector)
                    .build());
    this.hpa =
        new StackHpa(
            this, "Hpa", props.hpa().apply(StackHpaProps.builder()).target(metricsTraces).build());
  }

  private CoralogixKubernetesSecret keySecret(
      String id, CollectorNamespace namespace, TelemetryPlatformProps props) {
    return new CoralogixKubernetesSecret(
        this,
        id,
        CoralogixKubernetesSecretProps.builder()
            .namespace(namespace)
            .privateKey(props.coralogixPrivateKey())
            .build());
  }

  /** The logs agents' namespace ({@code privileged} Pod Security, for hostPath log reading). */
  public CollectorNamespace agentNamespace() {
    return agentNamespace;
  }

  /** The metrics/traces collectors' namespace ({@code restricted} Pod Security). */
  public CollectorNamespace gatewayNamespace() {
    return gatewayNamespace;
  }

  /** The StorageClass of the gateway's queue volumes. */
  public EbsStorageClass queueStorageClass() {
    return queueStorageClass;
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

  /** The cluster collector ({@code k8s_cluster}, events), where the props asked for it. */
  public Optional<ClusterCollectorStatefulSet> clusterCollector() {
    return Optional.ofNullable(clusterCollector);
  }

  /** The NetworkPolicies of both namespaces, where the props asked for them. */
  public Optional<CollectorNetworkPolicies> networkPolicies() {
    return Optional.ofNullable(networkPolicies);
  }

  /** The StatefulSet's autoscaler. */
  public StackHpa hpa() {
    return hpa;
  }
}
