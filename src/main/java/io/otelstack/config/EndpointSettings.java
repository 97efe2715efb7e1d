package io.otelstack.config;

import java.util.List;

/**
 * Access to the cluster's Kubernetes API endpoint. The private endpoint is always on.
 *
 * <p>Rules checked when loaded: {@code publicAccess} needs at least one CIDR and none of them may
 * be {@code 0.0.0.0/0}; without {@code publicAccess} the list must be empty.
 *
 * @param publicAccess whether the API is reachable from outside the VPC
 * @param publicAccessCidrs the IPv4 blocks allowed to reach the public endpoint
 */
public record EndpointSettings(boolean publicAccess, List<String> publicAccessCidrs) {
  /** Copies the list. */
  public EndpointSettings {
    publicAccessCidrs = List.copyOf(publicAccessCidrs);
  }

  void check(Problems p) {
    String cidrs = p.path("publicAccessCidrs");
    if (publicAccess && publicAccessCidrs.isEmpty()) {
      p.add(
          cidrs
              + " is empty but "
              + p.path("publicAccess")
              + " is true; list the CIDRs that need the API (office, VPN, CI runners), e.g."
              + " [203.0.113.0/24]");
    }
    if (!publicAccess && !publicAccessCidrs.isEmpty()) {
      p.add(
          cidrs
              + " ("
              + String.join(", ", publicAccessCidrs)
              + ") is set but "
              + p.path("publicAccess")
              + " is false; set publicAccess: true, or remove the CIDRs");
    }
    for (int i = 0; i < publicAccessCidrs.size(); i++) {
      String cidr = publicAccessCidrs.get(i);
      String field = cidrs + "[" + i + "]";
      if (Ipv4Cidr.prefix(cidr) == 0) {
        p.add(
            field
                + " ("
                + cidr
                + ") opens the Kubernetes API to the whole internet; list the CIDRs that need"
                + " access instead");
      } else {
        Ipv4Cidr.checkNetwork(p, field, cidr);
      }
    }
  }
}
