package io.otelstack.constructs.telemetry;

import io.otelstack.ValidationException;
import io.otelstack.constructs.logs.LogsDaemonSetPropsBuilder;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSetPropsBuilder;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetPropsBuilder;
import io.otelstack.constructs.metrics.TargetAllocatorPropsBuilder;
import io.otelstack.constructs.network.CollectorNetworkPoliciesPropsBuilder;
import io.otelstack.constructs.scaling.StackHpaPropsBuilder;
import io.otelstack.internal.Checks;
import java.util.function.UnaryOperator;

/**
 * Props of {@link TelemetryPlatform}.
 *
 * <p>The settings of each part are that part's own props, given as a function that fills in the
 * part's builder: {@link TelemetryPlatform} creates the namespaces, Secrets and StorageClass the
 * parts refer to and sets those references (and the Coralogix target) itself, after the function.
 * So every default and every rule of a part stays with that part's props, once.
 *
 * @param namespace namespace of the metrics/traces collectors; the logs agents run in a second one,
 *     this name followed by {@link TelemetryPlatform#AGENTS_NAMESPACE_SUFFIX}. Both are created;
 *     required
 * @param coralogixPrivateKey the Coralogix send-your-data key, as a Terraform reference (for
 *     example a Secrets Manager data source's secret string), never a literal; required
 * @param coralogixDomain Coralogix domain, e.g. {@code eu2.coralogix.com}; required
 * @param coralogixApplicationName Coralogix application name every signal is sent under; required
 * @param queueStorageClassName name of the StorageClass of the gateway's queue volumes, which
 *     retains a volume whose claim is deleted. Default: {@code otel-queue}.
 * @param defaultStorageClass also create the encrypted gp3 StorageClass {@code gp3} and make it the
 *     cluster's default, for clusters this project creates (EKS makes none that encrypts). Default:
 *     true.
 * @param logs fills in the logs DaemonSet's props. Default: its own defaults.
 * @param metricsTraces fills in the metrics/traces StatefulSet's props. Default: its own defaults.
 * @param targetAllocator fills in the Target Allocator's props, which have no default metrics
 *     allowlist; required
 * @param hpa fills in the HPA's props. Default: its own defaults.
 * @param networkPolicies fills in the NetworkPolicies' props. Default: null, no NetworkPolicies
 *     (their Kubernetes API blocks have no default, so whoever wants them states them).
 * @param clusterName the EKS cluster's name, which every collector sends as {@code
 *     k8s.cluster.name}; required
 * @param clusterCollector fills in the cluster collector's props ({@code k8s_cluster} and events).
 *     Default: null, no cluster collector; {@code UnaryOperator.identity()} runs it with its own
 *     defaults.
 */
public record TelemetryPlatformProps(
    String namespace,
    String coralogixPrivateKey,
    String coralogixDomain,
    String coralogixApplicationName,
    String queueStorageClassName,
    Boolean defaultStorageClass,
    UnaryOperator<LogsDaemonSetPropsBuilder> logs,
    UnaryOperator<MetricsTracesStatefulSetPropsBuilder> metricsTraces,
    UnaryOperator<TargetAllocatorPropsBuilder> targetAllocator,
    UnaryOperator<StackHpaPropsBuilder> hpa,
    UnaryOperator<CollectorNetworkPoliciesPropsBuilder> networkPolicies,
    String clusterName,
    UnaryOperator<ClusterCollectorStatefulSetPropsBuilder> clusterCollector) {

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the namespace, the Coralogix target and the allocator's props; applies defaults. */
  public TelemetryPlatformProps {
    CHECK.required("TelemetryPlatformProps.namespace", namespace);
    CHECK.required("TelemetryPlatformProps.coralogixPrivateKey", coralogixPrivateKey);
    CHECK.required("TelemetryPlatformProps.coralogixDomain", coralogixDomain);
    CHECK.required("TelemetryPlatformProps.coralogixApplicationName", coralogixApplicationName);
    CHECK.required("TelemetryPlatformProps.clusterName", clusterName);
    queueStorageClassName = queueStorageClassName == null ? "otel-queue" : queueStorageClassName;
    defaultStorageClass = defaultStorageClass == null || defaultStorageClass;
    logs = logs == null ? UnaryOperator.identity() : logs;
    metricsTraces = metricsTraces == null ? UnaryOperator.identity() : metricsTraces;
    if (targetAllocator == null) {
      throw new ValidationException(
          "TelemetryPlatformProps.targetAllocator is required: it states at least the metrics allowlist");
    }
    hpa = hpa == null ? UnaryOperator.identity() : hpa;
  }

  /**
   * Starts props; namespace, the Coralogix key, domain and application, the cluster name and
   * targetAllocator.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these props, to change some of them. */
  public Builder toBuilder() {
    return builder()
        .namespace(namespace)
        .coralogixPrivateKey(coralogixPrivateKey)
        .coralogixDomain(coralogixDomain)
        .coralogixApplicationName(coralogixApplicationName)
        .queueStorageClassName(queueStorageClassName)
        .defaultStorageClass(defaultStorageClass)
        .logs(logs)
        .metricsTraces(metricsTraces)
        .targetAllocator(targetAllocator)
        .hpa(hpa)
        .networkPolicies(networkPolicies)
        .clusterName(clusterName)
        .clusterCollector(clusterCollector);
  }

  // Written by hand, unlike the parts' props: RecordBuilder cannot generate it, because its
  // components are the parts' generated builders, which do not exist yet in the round it runs in.
  /** Builds {@link TelemetryPlatformProps}; see the record components for each field. */
  public static final class Builder {
    private String namespace;
    private String coralogixPrivateKey;
    private String coralogixDomain;
    private String coralogixApplicationName;
    private String queueStorageClassName;
    private Boolean defaultStorageClass;
    private UnaryOperator<LogsDaemonSetPropsBuilder> logs;
    private UnaryOperator<MetricsTracesStatefulSetPropsBuilder> metricsTraces;
    private UnaryOperator<TargetAllocatorPropsBuilder> targetAllocator;
    private UnaryOperator<StackHpaPropsBuilder> hpa;
    private UnaryOperator<CollectorNetworkPoliciesPropsBuilder> networkPolicies;
    private String clusterName;
    private UnaryOperator<ClusterCollectorStatefulSetPropsBuilder> clusterCollector;

    private Builder() {}

    /** See {@link TelemetryPlatformProps#namespace()}. */
    public Builder namespace(String v) {
      this.namespace = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#coralogixPrivateKey()}. */
    public Builder coralogixPrivateKey(String v) {
      this.coralogixPrivateKey = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#coralogixDomain()}. */
    public Builder coralogixDomain(String v) {
      this.coralogixDomain = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#coralogixApplicationName()}. */
    public Builder coralogixApplicationName(String v) {
      this.coralogixApplicationName = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#queueStorageClassName()}. */
    public Builder queueStorageClassName(String v) {
      this.queueStorageClassName = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#defaultStorageClass()}. */
    public Builder defaultStorageClass(Boolean v) {
      this.defaultStorageClass = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#logs()}. */
    public Builder logs(UnaryOperator<LogsDaemonSetPropsBuilder> v) {
      this.logs = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#metricsTraces()}. */
    public Builder metricsTraces(UnaryOperator<MetricsTracesStatefulSetPropsBuilder> v) {
      this.metricsTraces = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#targetAllocator()}. */
    public Builder targetAllocator(UnaryOperator<TargetAllocatorPropsBuilder> v) {
      this.targetAllocator = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#hpa()}. */
    public Builder hpa(UnaryOperator<StackHpaPropsBuilder> v) {
      this.hpa = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#networkPolicies()}. */
    public Builder networkPolicies(UnaryOperator<CollectorNetworkPoliciesPropsBuilder> v) {
      this.networkPolicies = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#clusterName()}. */
    public Builder clusterName(String v) {
      this.clusterName = v;
      return this;
    }

    /** See {@link TelemetryPlatformProps#clusterCollector()}. */
    public Builder clusterCollector(UnaryOperator<ClusterCollectorStatefulSetPropsBuilder> v) {
      this.clusterCollector = v;
      return this;
    }

    /** Builds the props. */
    public TelemetryPlatformProps build() {
      return new TelemetryPlatformProps(
          namespace,
          coralogixPrivateKey,
          coralogixDomain,
          coralogixApplicationName,
          queueStorageClassName,
          defaultStorageClass,
          logs,
          metricsTraces,
          targetAllocator,
          hpa,
          networkPolicies,
          clusterName,
          clusterCollector);
    }
  }
}
