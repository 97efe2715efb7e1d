package io.otelstack.config;

import java.util.List;

/**
 * Access to the cluster's Kubernetes API endpoint. The private endpoint is always on.
 *
 * <p>Rule checked when loaded: each CIDR is a network address. Which CIDRs go with {@code
 * publicAccess} is the construct's rule ({@code EksClusterProps}), checked once there.
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
    for (int i = 0; i < publicAccessCidrs.size(); i++) {
      Ipv4Cidr.checkNetwork(
          p, p.path("publicAccessCidrs") + "[" + i + "]", publicAccessCidrs.get(i));
    }
  }
}
