package io.otelstack.config;

import java.util.List;
import java.util.Objects;

/**
 * The VPC the cluster runs in: a new one, or existing subnets.
 *
 * <p>Rules checked when loaded: {@code create} true with no {@code existingSubnetIds}, or false
 * with at least two (EKS needs subnets in two availability zones); {@code cidr} is a network
 * address. Its prefix range is the construct's rule ({@code ClusterNetworkProps}).
 *
 * @param create whether to create a VPC; false uses {@code existingSubnetIds}
 * @param cidr the IPv4 block of a created VPC, e.g. {@code 10.0.0.0/16}
 * @param existingSubnetIds subnets to use when {@code create} is false
 */
public record VpcSettings(boolean create, String cidr, List<String> existingSubnetIds) {
  /** Requires every part and copies the list. */
  public VpcSettings {
    Objects.requireNonNull(cidr, "cidr");
    existingSubnetIds = List.copyOf(existingSubnetIds);
  }

  void check(Problems p) {
    if (create && !existingSubnetIds.isEmpty()) {
      p.add(
          p.path("existingSubnetIds")
              + " ("
              + String.join(", ", existingSubnetIds)
              + ") must be empty when "
              + p.path("create")
              + " is true; set create: false to use existing subnets, or remove them");
    }
    if (!create && existingSubnetIds.size() < 2) {
      p.add(
          p.path("existingSubnetIds")
              + " has "
              + existingSubnetIds.size()
              + " subnet(s) but needs at least 2 in different availability zones when "
              + p.path("create")
              + " is false; list them, or set create: true");
    }
    Ipv4Cidr.checkNetwork(p, p.path("cidr"), cidr);
  }
}
