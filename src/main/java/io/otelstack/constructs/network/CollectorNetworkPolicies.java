package io.otelstack.constructs.network;

import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1Config;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1Metadata;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1Spec;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgress;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgressPorts;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgressTo;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgressToIpBlock;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgressToNamespaceSelector;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecEgressToPodSelector;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecIngress;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecIngressFrom;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecIngressFromNamespaceSelector;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecIngressFromPodSelector;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecIngressPorts;
import com.hashicorp.cdktf.providers.kubernetes.network_policy_v1.NetworkPolicyV1SpecPodSelector;
import io.otelstack.ValidationException;
import io.otelstack.collector.KubeletStatsReceiver;
import io.otelstack.collector.OtlpReceiver;
import io.otelstack.constructs.metrics.ClusterCollectorStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.namespace.CollectorNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * NetworkPolicies for both collector namespaces: each denies all traffic in both directions ({@code
 * GatewayDefaultDeny}, {@code AgentDefaultDeny}), and one policy per workload allows only what it
 * needs:
 *
 * <ul>
 *   <li>{@code Gateway} (metrics/traces pods): in, OTLP 4317/4318 (traces, metrics, logs) from pods
 *       of the OTLP client namespaces and 4319 (sampling) from gateway pods; out, 4319 to gateway
 *       pods, the allocator's 8080, every pod on any port (Prometheus scrapes the targets the
 *       allocator hands out), DNS, the Kubernetes API (also the kubelets' metrics, through its node
 *       proxy) and Coralogix;
 *   <li>{@code TargetAllocator}: in, 8080 from gateway pods only; out, DNS and the Kubernetes API;
 *   <li>{@code Logs} (agent pods): nothing in; out, DNS, the Kubernetes API, Coralogix and, where
 *       the agents read kubelet stats, the kubelets' port {@value
 *       KubeletStatsReceiver#KUBELET_PORT} in the Kubernetes API blocks (on EKS the VPC's, which
 *       holds the nodes);
 *   <li>{@code ClusterCollector}, where there is one: nothing in; out, DNS, the Kubernetes API and
 *       Coralogix.
 * </ul>
 *
 * <p>Traffic the Kubernetes NetworkPolicy model leaves to the CNI is not listed: a pod's loopback
 * (each collector scrapes its own 8888) and, with the VPC CNI, Calico and Cilium, the kubelet's
 * probes from its node. The policies take effect only where the CNI enforces them; on EKS, the VPC
 * CNI does with {@code enableNetworkPolicy}.
 */
public final class CollectorNetworkPolicies extends Construct {
  /** Every IPv4 address. */
  static final String ANYWHERE = "0.0.0.0/0";

  /**
   * Cut out of {@link #ANYWHERE} for Coralogix, so "anywhere" means public addresses: RFC 1918 (the
   * VPC and the cluster), shared address space (EKS custom networking, carrier NAT) and link-local
   * (instance metadata).
   */
  static final List<String> NON_PUBLIC =
      List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "169.254.0.0/16");

  private static final int HTTPS = 443;
  private static final int DNS = 53;
  private static final List<String> BOTH = List.of("Ingress", "Egress");

  private final CollectorNetworkPoliciesProps props;

  /** Creates the five policies, six with a cluster collector. */
  public CollectorNetworkPolicies(Construct scope, String id, CollectorNetworkPoliciesProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (CollectorNetworkPoliciesProps) is required");
    }
    this.props = props;
    MetricsTracesStatefulSet gateway = props.gateway();
    TargetAllocator allocator = props.targetAllocator();
    CollectorNamespace gatewayNamespace = gateway.namespace();
    CollectorNamespace agentNamespace = props.logs().props().namespace();

    policy("GatewayDefaultDeny", gatewayNamespace, "default-deny", Map.of(), List.of(), List.of());
    policy("AgentDefaultDeny", agentNamespace, "default-deny", Map.of(), List.of(), List.of());

    Map<String, String> gatewayPods = gateway.podSelectorLabels();
    List<NetworkPolicyV1SpecEgress> gatewayOut = new ArrayList<>();
    gatewayOut.add(
        egress(
            List.of(
                NetworkPolicyV1SpecEgressTo.builder().podSelector(podsOut(gatewayPods)).build()),
            MetricsTracesStatefulSet.SAMPLING_PORT));
    gatewayOut.add(
        egress(
            List.of(
                NetworkPolicyV1SpecEgressTo.builder()
                    .podSelector(podsOut(allocator.podLabels()))
                    .build()),
            TargetAllocator.CONTAINER_PORT));
    // Scrape targets are any pod the allocator discovers, on whatever port it exposes metrics.
    gatewayOut.add(
        NetworkPolicyV1SpecEgress.builder()
            .to(
                List.of(
                    NetworkPolicyV1SpecEgressTo.builder()
                        .namespaceSelector(
                            NetworkPolicyV1SpecEgressToNamespaceSelector.builder().build())
                        .build()))
            .build());
    gatewayOut.addAll(common(true));
    policy(
        "Gateway",
        gatewayNamespace,
        gateway.name(),
        gatewayPods,
        List.of(
            ingress(otlpClients(), OtlpReceiver.GRPC_PORT, OtlpReceiver.HTTP_PORT),
            ingress(
                List.of(
                    NetworkPolicyV1SpecIngressFrom.builder()
                        .podSelector(podsIn(gatewayPods))
                        .build()),
                MetricsTracesStatefulSet.SAMPLING_PORT)),
        gatewayOut);

    policy(
        "TargetAllocator",
        gatewayNamespace,
        allocator.releaseName(),
        allocator.podLabels(),
        List.of(
            ingress(
                List.of(
                    NetworkPolicyV1SpecIngressFrom.builder()
                        .podSelector(podsIn(gatewayPods))
                        .build()),
                TargetAllocator.CONTAINER_PORT)),
        common(false));

    List<NetworkPolicyV1SpecEgress> agentOut = new ArrayList<>();
    if (props.logs().props().kubeletMetrics()) {
      // Each agent reads its own node's kubelet at the node's IP.
      agentOut.add(
          egress(blocks(props.kubernetesApiCidrs(), false), KubeletStatsReceiver.KUBELET_PORT));
    }
    agentOut.addAll(common(true));
    policy(
        "Logs",
        agentNamespace,
        props.logs().props().releaseName(),
        props.logs().podSelectorLabels(),
        List.of(),
        agentOut);

    ClusterCollectorStatefulSet cluster = props.clusterCollector();
    if (cluster != null) {
      policy(
          "ClusterCollector",
          gatewayNamespace,
          cluster.name(),
          cluster.podSelectorLabels(),
          List.of(),
          common(true));
    }
  }

  /** DNS and the Kubernetes API, and Coralogix for the pods that export. */
  private List<NetworkPolicyV1SpecEgress> common(boolean exports) {
    List<NetworkPolicyV1SpecEgress> out = new ArrayList<>();
    out.add(
        NetworkPolicyV1SpecEgress.builder()
            .to(
                List.of(
                    NetworkPolicyV1SpecEgressTo.builder()
                        .namespaceSelector(
                            NetworkPolicyV1SpecEgressToNamespaceSelector.builder()
                                .matchLabels(
                                    Map.of("kubernetes.io/metadata.name", props.dnsNamespace()))
                                .build())
                        .podSelector(podsOut(props.dnsPodLabels()))
                        .build()))
            .ports(
                List.of(
                    NetworkPolicyV1SpecEgressPorts.builder()
                        .port(Integer.toString(DNS))
                        .protocol("UDP")
                        .build(),
                    NetworkPolicyV1SpecEgressPorts.builder()
                        .port(Integer.toString(DNS))
                        .protocol("TCP")
                        .build()))
            .build());
    out.add(egress(blocks(props.kubernetesApiCidrs(), false), HTTPS));
    if (exports) {
      out.add(egress(blocks(props.coralogixCidrs(), true), HTTPS));
    }
    return out;
  }

  private static List<NetworkPolicyV1SpecEgressTo> blocks(List<String> cidrs, boolean publicOnly) {
    return cidrs.stream()
        .map(
            cidr -> {
              NetworkPolicyV1SpecEgressToIpBlock.Builder block =
                  NetworkPolicyV1SpecEgressToIpBlock.builder().cidr(cidr);
              if (publicOnly && cidr.equals(ANYWHERE)) {
                block.except(NON_PUBLIC);
              }
              return NetworkPolicyV1SpecEgressTo.builder().ipBlock(block.build()).build();
            })
        .toList();
  }

  /** Pods of the OTLP client namespaces, or of every namespace. */
  private List<NetworkPolicyV1SpecIngressFrom> otlpClients() {
    if (props.otlpClientNamespaces().isEmpty()) {
      return List.of(
          NetworkPolicyV1SpecIngressFrom.builder()
              .namespaceSelector(NetworkPolicyV1SpecIngressFromNamespaceSelector.builder().build())
              .build());
    }
    return props.otlpClientNamespaces().stream()
        .map(
            n ->
                NetworkPolicyV1SpecIngressFrom.builder()
                    .namespaceSelector(
                        NetworkPolicyV1SpecIngressFromNamespaceSelector.builder()
                            .matchLabels(Map.of("kubernetes.io/metadata.name", n))
                            .build())
                    .build())
        .toList();
  }

  private static NetworkPolicyV1SpecIngress ingress(
      List<NetworkPolicyV1SpecIngressFrom> from, int... ports) {
    List<NetworkPolicyV1SpecIngressPorts> list = new ArrayList<>();
    for (int port : ports) {
      list.add(
          NetworkPolicyV1SpecIngressPorts.builder()
              .port(Integer.toString(port))
              .protocol("TCP")
              .build());
    }
    return NetworkPolicyV1SpecIngress.builder().from(from).ports(list).build();
  }

  private static NetworkPolicyV1SpecEgress egress(List<NetworkPolicyV1SpecEgressTo> to, int port) {
    return NetworkPolicyV1SpecEgress.builder()
        .to(to)
        .ports(
            List.of(
                NetworkPolicyV1SpecEgressPorts.builder()
                    .port(Integer.toString(port))
                    .protocol("TCP")
                    .build()))
        .build();
  }

  private static NetworkPolicyV1SpecIngressFromPodSelector podsIn(Map<String, String> labels) {
    return NetworkPolicyV1SpecIngressFromPodSelector.builder().matchLabels(labels).build();
  }

  private static NetworkPolicyV1SpecEgressToPodSelector podsOut(Map<String, String> labels) {
    return NetworkPolicyV1SpecEgressToPodSelector.builder().matchLabels(labels).build();
  }

  private void policy(
      String id,
      CollectorNamespace namespace,
      String name,
      Map<String, String> pods,
      List<NetworkPolicyV1SpecIngress> in,
      List<NetworkPolicyV1SpecEgress> out) {
    NetworkPolicyV1Spec.Builder spec =
        NetworkPolicyV1Spec.builder()
            .podSelector(NetworkPolicyV1SpecPodSelector.builder().matchLabels(pods).build())
            .policyTypes(BOTH);
    if (!in.isEmpty()) {
      spec.ingress(in);
    }
    if (!out.isEmpty()) {
      spec.egress(out);
    }
    new NetworkPolicyV1(
        this,
        id,
        NetworkPolicyV1Config.builder()
            .metadata(
                NetworkPolicyV1Metadata.builder().name(name).namespace(namespace.name()).build())
            .spec(spec.build())
            .dependsOn(List.of(namespace.dependable()))
            .build());
  }

  /** The props as resolved, defaults applied. */
  public CollectorNetworkPoliciesProps props() {
    return props;
  }
}
