package io.otelstack.constructs.network;

import io.otelstack.ValidationException;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import io.otelstack.internal.Tokens;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.Map;

/**
 * Props of {@link CollectorNetworkPolicies}.
 *
 * @param gateway the metrics/traces StatefulSet; required
 * @param targetAllocator the Target Allocator feeding it; required
 * @param logs the logs DaemonSet; required
 * @param clusterCollector the cluster collector. Default: none, no policy for it.
 * @param otlpClientNamespaces namespaces whose pods may send OTLP (4317, 4318) to the gateway.
 *     Default: empty, meaning every namespace of the cluster.
 * @param kubernetesApiCidrs IPv4 blocks holding the Kubernetes API server's endpoints, which every
 *     collector reads (pod metadata, peer discovery, scrape targets), on port 443. On EKS the
 *     control plane's network interfaces sit in the cluster's subnets, so this is the VPC's block;
 *     required, at least one
 * @param coralogixCidrs IPv4 blocks the collectors may reach Coralogix in, on port 443. Default:
 *     {@code 0.0.0.0/0}, which is taken as "public addresses": the private, shared (100.64/10) and
 *     link-local ranges are cut out of it, so the cluster, the VPC and the instance metadata stay
 *     out of reach. A narrower block (an egress proxy, say) is taken as given.
 * @param dnsNamespace namespace of the cluster DNS pods. Default: {@code kube-system}.
 * @param dnsPodLabels labels of the cluster DNS pods. Default: {@code k8s-app: kube-dns} (CoreDNS
 *     on EKS).
 */
@RecordBuilder
public record CollectorNetworkPoliciesProps(
    MetricsTracesStatefulSet gateway,
    TargetAllocator targetAllocator,
    LogsDaemonSet logs,
    ClusterCollectorStatefulSet clusterCollector,
    List<String> otlpClientNamespaces,
    List<String> kubernetesApiCidrs,
    List<String> coralogixCidrs,
    String dnsNamespace,
    Map<String, String> dnsPodLabels) {
  /** Prefixes the prop names in messages. */
  private static final String P = "CollectorNetworkPoliciesProps.";

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the workloads and the API blocks; applies defaults; checks every value. */
  public CollectorNetworkPoliciesProps {
    CHECK.required(P + "gateway", gateway);
    CHECK.required(P + "targetAllocator", targetAllocator);
    CHECK.required(P + "logs", logs);
    otlpClientNamespaces =
        otlpClientNamespaces == null ? List.of() : List.copyOf(otlpClientNamespaces);
    otlpClientNamespaces.forEach(n -> checkNamespace("otlpClientNamespaces", n));
    kubernetesApiCidrs = kubernetesApiCidrs == null ? List.of() : List.copyOf(kubernetesApiCidrs);
    if (kubernetesApiCidrs.isEmpty()) {
      throw new ValidationException(
          P
              + "kubernetesApiCidrs is empty; list the IPv4 blocks of the Kubernetes API"
              + " server's endpoints (on EKS, the cluster VPC's block, e.g. 10.0.0.0/16), or the"
              + " collectors cannot read the API");
    }
    kubernetesApiCidrs.forEach(c -> checkCidr("kubernetesApiCidrs", c));
    coralogixCidrs =
        coralogixCidrs == null || coralogixCidrs.isEmpty()
            ? List.of(CollectorNetworkPolicies.ANYWHERE)
            : List.copyOf(coralogixCidrs);
    coralogixCidrs.forEach(c -> checkCidr("coralogixCidrs", c));
    dnsNamespace = dnsNamespace == null ? "kube-system" : dnsNamespace;
    checkNamespace("dnsNamespace", dnsNamespace);
    dnsPodLabels =
        dnsPodLabels == null || dnsPodLabels.isEmpty()
            ? Map.of("k8s-app", "kube-dns")
            : Maps.copySorted(dnsPodLabels);
  }

  private static void checkCidr(String field, String cidr) {
    if (!Tokens.isToken(cidr)) {
      CHECK.cidr(P + field, cidr);
    }
  }

  private static void checkNamespace(String field, String name) {
    CHECK.required(P + field, name);
    if (!Tokens.isToken(name)) {
      CHECK.dnsLabel(P + field, name, 63, "Kubernetes' bound on namespace names");
    }
  }

  /** A builder; only the workloads and kubernetesApiCidrs are required. */
  public static CollectorNetworkPoliciesPropsBuilder builder() {
    return CollectorNetworkPoliciesPropsBuilder.builder();
  }
}
