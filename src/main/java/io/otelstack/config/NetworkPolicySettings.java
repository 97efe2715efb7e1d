package io.otelstack.config;

import java.util.List;

/**
 * The collectors' NetworkPolicies: which flows beyond the stack's own are allowed.
 *
 * <p>Rules checked when loaded: every block is a network address; {@code kubernetesApiCidrs} is
 * stated when {@code cluster.vpc.create} is false, since the API server's endpoints are in a VPC
 * whose block this program does not know.
 *
 * @param otlpClientNamespaces namespaces whose pods may send OTLP; empty means every namespace
 * @param kubernetesApiCidrs blocks of the Kubernetes API server's endpoints; empty means the
 *     created VPC's {@code cluster.vpc.cidr}
 * @param coralogixCidrs blocks the collectors may reach Coralogix in on 443; {@code 0.0.0.0/0}
 *     means public addresses only
 */
public record NetworkPolicySettings(
    List<String> otlpClientNamespaces,
    List<String> kubernetesApiCidrs,
    List<String> coralogixCidrs) {
  /** Copies the lists. */
  public NetworkPolicySettings {
    otlpClientNamespaces = List.copyOf(otlpClientNamespaces);
    kubernetesApiCidrs = List.copyOf(kubernetesApiCidrs);
    coralogixCidrs = List.copyOf(coralogixCidrs);
  }

  void check(Problems p) {
    for (int i = 0; i < kubernetesApiCidrs.size(); i++) {
      Ipv4Cidr.checkNetwork(
          p, p.path("kubernetesApiCidrs") + "[" + i + "]", kubernetesApiCidrs.get(i));
    }
    for (int i = 0; i < coralogixCidrs.size(); i++) {
      Ipv4Cidr.checkNetwork(p, p.path("coralogixCidrs") + "[" + i + "]", coralogixCidrs.get(i));
    }
  }

  /** Adds an error when the API server's blocks cannot be derived from the cluster's VPC. */
  void checkAgainst(VpcSettings vpc, Problems p) {
    if (!vpc.create() && kubernetesApiCidrs.isEmpty()) {
      p.add(
          p.path("kubernetesApiCidrs")
              + " is empty but cluster.vpc.create is false, so the VPC block holding the"
              + " Kubernetes API server's endpoints is unknown; list the existing VPC's IPv4"
              + " blocks, e.g. [10.0.0.0/16]");
    }
  }

  /** The API server's blocks: those stated, else the created VPC's. */
  public List<String> kubernetesApiCidrs(VpcSettings vpc) {
    return kubernetesApiCidrs.isEmpty() ? List.of(vpc.cidr()) : kubernetesApiCidrs;
  }
}
