package io.otelstack.constructs.cluster;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesConfig;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroupConfig;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.eip.EipConfig;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLogConfig;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicyConfig;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGatewayConfig;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGatewayConfig;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route.RouteConfig;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTableConfig;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociationConfig;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.subnet.SubnetConfig;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc.VpcConfig;
import io.otelstack.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The subnets an EKS cluster and its nodes run in: a VPC created for the cluster, or existing
 * subnets passed through.
 *
 * <p>A created VPC has, in each of its availability zones ({@code Zone1}, {@code Zone2}, ...), a
 * private subnet for nodes and pods, routed to the internet through a NAT gateway, and a small
 * public subnet for the NAT gateway and internet-facing load balancers. Subnets carry the tags the
 * AWS load balancer integration discovers them by. The cluster and the nodes use only the private
 * subnets. The VPC's default security group allows nothing, and its flow logs go to an encrypted
 * CloudWatch log group ({@code FlowLogs}).
 */
public final class ClusterNetwork extends Construct {
  private static final String ANYWHERE = "0.0.0.0/0";

  private final ClusterNetworkProps props;
  private final List<String> privateSubnetIds;

  /** Creates the VPC, or records the existing subnets. */
  public ClusterNetwork(Construct scope, String id, ClusterNetworkProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(
          getNode().getPath() + ": props (ClusterNetworkProps) is required");
    }
    this.props = props;
    this.privateSubnetIds = props.createsVpc() ? createVpc() : props.existingSubnetIds();
  }

  private List<String> createVpc() {
    Vpc vpc =
        new Vpc(
            this,
            "Resource",
            VpcConfig.builder()
                .cidrBlock(props.vpcCidr())
                // EKS private endpoints resolve through the VPC's DNS.
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", props.clusterName()))
                .build());
    lockDownDefaultSecurityGroup(vpc);
    flowLogs(vpc);
    DataAwsAvailabilityZones zones =
        new DataAwsAvailabilityZones(
            this,
            "AvailabilityZones",
            DataAwsAvailabilityZonesConfig.builder().state("available").build());
    InternetGateway internet =
        new InternetGateway(
            this,
            "InternetGateway",
            InternetGatewayConfig.builder()
                .vpcId(vpc.getId())
                .tags(Map.of("Name", props.clusterName()))
                .build());
    RouteTable publicRoutes =
        new RouteTable(
            this,
            "PublicRouteTable",
            RouteTableConfig.builder()
                .vpcId(vpc.getId())
                .tags(Map.of("Name", props.clusterName() + "-public"))
                .build());
    new Route(
        this,
        "PublicDefaultRoute",
        RouteConfig.builder()
            .routeTableId(publicRoutes.getId())
            .destinationCidrBlock(ANYWHERE)
            .gatewayId(internet.getId())
            .build());

    List<String> privateIds = new ArrayList<>();
    NatGateway nat = null;
    for (int i = 0; i < props.availabilityZoneCount(); i++) {
      Construct zone = new Construct(this, "Zone" + (i + 1));
      String zoneName = Token.asString(Fn.lookupNested(zones.getNames(), List.of(i)));
      Subnet publicSubnet = subnet(zone, vpc, zoneName, i, true);
      new RouteTableAssociation(
          zone,
          "PublicRouteTableAssociation",
          RouteTableAssociationConfig.builder()
              .subnetId(publicSubnet.getId())
              .routeTableId(publicRoutes.getId())
              .build());
      if (nat == null || !props.singleNatGateway()) {
        nat = natGateway(zone, publicSubnet, internet, i);
      }
      Subnet privateSubnet = subnet(zone, vpc, zoneName, i, false);
      RouteTable privateRoutes =
          new RouteTable(
              zone,
              "PrivateRouteTable",
              RouteTableConfig.builder()
                  .vpcId(vpc.getId())
                  .tags(Map.of("Name", props.clusterName() + "-private-" + (i + 1)))
                  .build());
      new Route(
          zone,
          "PrivateDefaultRoute",
          RouteConfig.builder()
              .routeTableId(privateRoutes.getId())
              .destinationCidrBlock(ANYWHERE)
              .natGatewayId(nat.getId())
              .build());
      new RouteTableAssociation(
          zone,
          "PrivateRouteTableAssociation",
          RouteTableAssociationConfig.builder()
              .subnetId(privateSubnet.getId())
              .routeTableId(privateRoutes.getId())
              .build());
      privateIds.add(privateSubnet.getId());
    }
    return List.copyOf(privateIds);
  }

  /**
   * Takes every rule off the VPC's default security group, so that a resource launched without a
   * security group of its own gets no network access instead of the default's allow-all within the
   * group and out. EKS and the node groups use security groups of their own.
   */
  private void lockDownDefaultSecurityGroup(Vpc vpc) {
    new DefaultSecurityGroup(
        this,
        "DefaultSecurityGroup",
        DefaultSecurityGroupConfig.builder()
            .vpcId(vpc.getId())
            .tags(Map.of("Name", props.clusterName() + "-default-deny"))
            .build());
  }

  /**
   * Records every accepted and rejected connection of the VPC in CloudWatch Logs, for incident
   * response and for checking the network policies from outside the cluster.
   */
  private void flowLogs(Vpc vpc) {
    Construct scope = new Construct(this, "FlowLogs");
    CloudwatchLogGroup group =
        EncryptedLogGroup.create(
            scope,
            "LogGroup",
            EncryptedLogGroup.Where.of(scope),
            "/aws/vpc/" + props.clusterName() + "/flow-logs",
            "VPC flow logs");
    ServiceRole role =
        ServiceRole.create(
            scope,
            props.clusterName() + "-flow-logs",
            "vpc-flow-logs.amazonaws.com",
            List.of("sts:AssumeRole"),
            List.of());
    Map<String, Object> write = new LinkedHashMap<>();
    write.put("Effect", "Allow");
    write.put(
        "Action",
        List.of(
            "logs:CreateLogStream",
            "logs:PutLogEvents",
            "logs:DescribeLogGroups",
            "logs:DescribeLogStreams"));
    write.put("Resource", List.of(group.getArn(), group.getArn() + ":*"));
    new IamRolePolicy(
        scope,
        "WriteLogs",
        IamRolePolicyConfig.builder()
            .name("write-flow-logs")
            .role(role.role().getName())
            .policy(ServiceRole.policy(write))
            .build());
    new FlowLog(
        scope,
        "Resource",
        FlowLogConfig.builder()
            .vpcId(vpc.getId())
            .trafficType("ALL")
            .logDestinationType("cloud-watch-logs")
            .logDestination(group.getArn())
            .iamRoleArn(role.role().getArn())
            .tags(Map.of("Name", props.clusterName()))
            .build());
  }

  private Subnet subnet(Construct zone, Vpc vpc, String zoneName, int index, boolean isPublic) {
    String tier = isPublic ? "public" : "private";
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put("Name", props.clusterName() + "-" + tier + "-" + (index + 1));
    tags.put("kubernetes.io/cluster/" + props.clusterName(), "shared");
    tags.put("kubernetes.io/role/" + (isPublic ? "elb" : "internal-elb"), "1");
    // Private subnets are eighths of the VPC (a /19 of a /16) from the bottom, sized for one VPC
    // address per pod; public ones, which hold only NAT gateways and load balancers, are
    // sixty-fourths from the middle up, so the two never overlap for up to 4 zones.
    String cidr =
        isPublic
            ? Fn.cidrsubnet(props.vpcCidr(), 6, 32 + index)
            : Fn.cidrsubnet(props.vpcCidr(), 3, index);
    return new Subnet(
        zone,
        isPublic ? "PublicSubnet" : "PrivateSubnet",
        SubnetConfig.builder()
            .vpcId(vpc.getId())
            .availabilityZone(zoneName)
            .cidrBlock(cidr)
            // Nothing in the public subnets needs its own public address: NAT has an Elastic IP
            // and load balancers get theirs from AWS.
            .mapPublicIpOnLaunch(false)
            .tags(tags)
            .build());
  }

  private NatGateway natGateway(
      Construct zone, Subnet publicSubnet, InternetGateway internet, int i) {
    String name = props.clusterName() + "-nat-" + (i + 1);
    Eip address =
        new Eip(
            zone,
            "NatAddress",
            EipConfig.builder().domain("vpc").tags(Map.of("Name", name)).build());
    return new NatGateway(
        zone,
        "NatGateway",
        NatGatewayConfig.builder()
            .subnetId(publicSubnet.getId())
            .allocationId(address.getId())
            .tags(Map.of("Name", name))
            // A NAT gateway routes nowhere until its VPC has an internet gateway.
            .dependsOn(List.of(internet))
            .build());
  }

  /** The private subnets the cluster and its nodes use, as token strings when created here. */
  public List<String> privateSubnetIds() {
    return privateSubnetIds;
  }

  /** The cluster the subnets are tagged for. */
  public String clusterName() {
    return props.clusterName();
  }
}
