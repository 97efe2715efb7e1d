package io.otelstack.constructs.cluster;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Props of {@link ClusterNetwork}: either a VPC created for the cluster, or existing subnets.
 *
 * @param clusterName the EKS cluster the subnets serve; it names the VPC's resources and their
 *     {@code kubernetes.io/cluster/<name>} tags; required
 * @param vpcCidr the CIDR block of the VPC to create, between /16 and /20. Default: {@code
 *     10.0.0.0/16} when no existing subnets are given; must be null when they are.
 * @param existingSubnetIds private subnets, in at least 2 availability zones, to put the cluster
 *     and its nodes in instead of creating a VPC. Their owner tags them for load balancers ({@code
 *     kubernetes.io/role/internal-elb}) and routes them to the internet through NAT, which the
 *     nodes need to pull images and the collectors to reach Coralogix. Default: none, a VPC is
 *     created.
 * @param availabilityZoneCount how many availability zones the created VPC spans, 2 to 4 and at
 *     most the region's zone count (the plan fails otherwise). Default: 3.
 * @param singleNatGateway whether the created VPC has one NAT gateway for all zones instead of one
 *     per zone. Default: false, one per zone: the collectors export all telemetry through NAT, and
 *     with a single gateway one zone's outage would cut every node's export (and cross-zone traffic
 *     costs more); a NAT gateway costs much less than losing telemetry during an incident.
 */
@RecordBuilder
public record ClusterNetworkProps(
    String clusterName,
    String vpcCidr,
    List<String> existingSubnetIds,
    Integer availabilityZoneCount,
    Boolean singleNatGateway) {
  private static final String DEFAULT_VPC_CIDR = "10.0.0.0/16";
  private static final Checks CHECK = new Checks(ValidationException::new);
  private static final Pattern SUBNET_ID = Pattern.compile("subnet-[0-9a-f]{8,17}");

  /** Requires the cluster name and one kind of network; applies defaults. */
  public ClusterNetworkProps {
    EksClusterProps.checkClusterName("ClusterNetworkProps.clusterName", clusterName);
    existingSubnetIds = existingSubnetIds == null ? List.of() : List.copyOf(existingSubnetIds);
    if (existingSubnetIds.isEmpty()) {
      vpcCidr = vpcCidr == null ? DEFAULT_VPC_CIDR : vpcCidr;
      CHECK.cidr("ClusterNetworkProps.vpcCidr", vpcCidr);
      int prefix = Checks.cidrPrefix(vpcCidr);
      if (prefix < 16 || prefix > 20) {
        throw new ValidationException(
            "ClusterNetworkProps.vpcCidr ("
                + vpcCidr
                + ") must have a prefix between /16 and /20: the private subnets (prefix + 3)"
                + " give every pod a VPC address, and AWS allows no VPC larger than /16");
      }
    } else {
      if (vpcCidr != null) {
        throw new ValidationException(
            "ClusterNetworkProps.vpcCidr ("
                + vpcCidr
                + ") must not be set together with ClusterNetworkProps.existingSubnetIds: give either a"
                + " CIDR block for a new VPC or existing subnets, not both");
      }
      if (existingSubnetIds.size() < 2) {
        throw new ValidationException(
            "ClusterNetworkProps.existingSubnetIds "
                + existingSubnetIds
                + " must list at least 2 subnets, in different availability zones, as EKS"
                + " requires; add another subnet or create a VPC instead");
      }
      for (String id : existingSubnetIds) {
        if (!SUBNET_ID.matcher(id).matches()) {
          throw new ValidationException(
              "ClusterNetworkProps.existingSubnetIds contains "
                  + id
                  + ", which is not a subnet ID such as subnet-0123456789abcdef0");
        }
      }
    }
    availabilityZoneCount = availabilityZoneCount == null ? 3 : availabilityZoneCount;
    if (availabilityZoneCount < 2 || availabilityZoneCount > 4) {
      throw new ValidationException(
          "ClusterNetworkProps.availabilityZoneCount ("
              + availabilityZoneCount
              + ") must be between 2 and 4: EKS needs 2 zones, and the private subnets, an"
              + " eighth of the VPC each, may take at most half of it");
    }
    singleNatGateway = singleNatGateway != null && singleNatGateway;
  }

  /** Whether these props create a VPC rather than use existing subnets. */
  public boolean createsVpc() {
    return existingSubnetIds.isEmpty();
  }

  /** A builder; only {@code clusterName} is required. */
  public static ClusterNetworkPropsBuilder builder() {
    return ClusterNetworkPropsBuilder.builder();
  }
}
