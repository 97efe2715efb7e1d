package io.otelstack.constructs.cluster;

import static io.otelstack.constructs.cluster.Fixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNetworkTest {
  private static JsonNode synth(ClusterNetworkPropsBuilder props) {
    TerraformStack stack = Synth.stack();
    new ClusterNetwork(stack, "Network", props.clusterName("otel-stack-dev").build());
    return Synth.json(stack);
  }

  private static List<String> values(JsonNode resources, String field) {
    List<String> values = new ArrayList<>();
    resources.elements().forEachRemaining(r -> values.add(r.path(field).asText()));
    return values;
  }

  @Test
  void createsAVpcWithDnsOverTheDefaultCidr() {
    JsonNode vpc = Synth.onlyResource(synth(ClusterNetworkProps.builder()), "aws_vpc");

    assertThat(vpc.path("cidr_block").asText()).isEqualTo("10.0.0.0/16");
    assertThat(vpc.path("enable_dns_support").asBoolean()).isTrue();
    assertThat(vpc.path("enable_dns_hostnames").asBoolean()).isTrue();
  }

  @Test
  void locksDownTheDefaultSecurityGroup() {
    JsonNode group =
        Synth.onlyResource(synth(ClusterNetworkProps.builder()), "aws_default_security_group");

    assertThat(group.path("vpc_id").asText()).isEqualTo("${aws_vpc.Network_1C6012B5.id}");
    assertThat(group.has("ingress")).isFalse();
    assertThat(group.has("egress")).isFalse();
  }

  @Test
  void logsEveryFlowToAnEncryptedGroupKeptAYear() {
    JsonNode json = synth(ClusterNetworkProps.builder());
    JsonNode flowLog = Synth.onlyResource(json, "aws_flow_log");
    JsonNode group = Synth.onlyResource(json, "aws_cloudwatch_log_group");

    assertThat(flowLog.path("traffic_type").asText()).isEqualTo("ALL");
    assertThat(flowLog.path("log_destination").asText())
        .isEqualTo("${aws_cloudwatch_log_group.Network_FlowLogs_LogGroup_06F8465A.arn}");
    assertThat(group.path("name").asText()).isEqualTo("/aws/vpc/otel-stack-dev/flow-logs");
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(365);
    assertThat(group.path("kms_key_id").asText()).startsWith("${aws_kms_key.");
  }

  @Test
  void spansThreeZonesWithOneNatGatewayEachByDefault() {
    JsonNode json = synth(ClusterNetworkProps.builder());

    assertThat(json.path("resource").path("aws_subnet").size()).isEqualTo(6);
    assertThat(json.path("resource").path("aws_nat_gateway").size()).isEqualTo(3);
    assertThat(values(json.path("resource").path("aws_route"), "nat_gateway_id"))
        .containsExactlyInAnyOrder(
            "",
            "${aws_nat_gateway.Network_Zone1_NatGateway_6ED8BAC4.id}",
            "${aws_nat_gateway.Network_Zone2_NatGateway_6369AAB3.id}",
            "${aws_nat_gateway.Network_Zone3_NatGateway_B184B21B.id}");
  }

  @Test
  void carvesPrivateAndPublicSubnetsFromACustomCidr() {
    JsonNode json =
        synth(ClusterNetworkProps.builder().vpcCidr("10.20.0.0/18").availabilityZoneCount(2));

    assertThat(values(json.path("resource").path("aws_subnet"), "cidr_block"))
        .containsExactlyInAnyOrder(
            "${cidrsubnet(\"10.20.0.0/18\", 3, 0)}",
            "${cidrsubnet(\"10.20.0.0/18\", 3, 1)}",
            "${cidrsubnet(\"10.20.0.0/18\", 6, 32)}",
            "${cidrsubnet(\"10.20.0.0/18\", 6, 33)}");
  }

  @Test
  void putsEachZoneInADifferentAvailabilityZone() {
    JsonNode json = synth(ClusterNetworkProps.builder());

    assertThat(
            resource(json, "aws_subnet", "Network_Zone3_PrivateSubnet_")
                .path("availability_zone")
                .asText())
        .isEqualTo("${data.aws_availability_zones.Network_AvailabilityZones_E029EBAA.names.2}");
    assertThat(
            json.path("data")
                .path("aws_availability_zones")
                .path("Network_AvailabilityZones_E029EBAA")
                .path("state")
                .asText())
        .isEqualTo("available");
  }

  @Test
  void tagsPrivateSubnetsForInternalLoadBalancersOfTheCluster() {
    JsonNode tags =
        resource(synth(ClusterNetworkProps.builder()), "aws_subnet", "Network_Zone1_PrivateSubnet_")
            .path("tags");

    assertThat(tags.path("kubernetes.io/role/internal-elb").asText()).isEqualTo("1");
    assertThat(tags.path("kubernetes.io/cluster/otel-stack-dev").asText()).isEqualTo("shared");
    assertThat(tags.has("kubernetes.io/role/elb")).isFalse();
  }

  @Test
  void tagsPublicSubnetsForInternetFacingLoadBalancersWithoutPublicIps() {
    JsonNode subnet =
        resource(synth(ClusterNetworkProps.builder()), "aws_subnet", "Network_Zone1_PublicSubnet_");

    assertThat(subnet.path("tags").path("kubernetes.io/role/elb").asText()).isEqualTo("1");
    assertThat(subnet.path("map_public_ip_on_launch").asBoolean()).isFalse();
  }

  @Test
  void routesPublicSubnetsToTheInternetGateway() {
    JsonNode route =
        resource(synth(ClusterNetworkProps.builder()), "aws_route", "Network_PublicDefaultRoute_");

    assertThat(route.path("destination_cidr_block").asText()).isEqualTo("0.0.0.0/0");
    assertThat(route.path("gateway_id").asText())
        .isEqualTo("${aws_internet_gateway.Network_InternetGateway_D8FF3F66.id}");
  }

  @Test
  void routesEveryZoneThroughOneNatGatewayWhenAsked() {
    JsonNode json = synth(ClusterNetworkProps.builder().singleNatGateway(true));

    assertThat(json.path("resource").path("aws_nat_gateway").size()).isEqualTo(1);
    assertThat(json.path("resource").path("aws_eip").size()).isEqualTo(1);
    assertThat(
            resource(json, "aws_route", "Network_Zone3_PrivateDefaultRoute_")
                .path("nat_gateway_id")
                .asText())
        .isEqualTo("${aws_nat_gateway.Network_Zone1_NatGateway_6ED8BAC4.id}");
  }

  @Test
  void exposesTheCreatedPrivateSubnets() {
    TerraformStack stack = Synth.stack();
    ClusterNetwork network =
        new ClusterNetwork(
            stack, "Network", ClusterNetworkProps.builder().clusterName("otel-stack-dev").build());

    assertThat(network.privateSubnetIds()).hasSize(3);
    assertThat(Fixtures.resolve(stack, network.privateSubnetIds().get(0)))
        .containsExactly("${aws_subnet.Network_Zone1_PrivateSubnet_7286F497.id}");
  }

  @Test
  void passesExistingSubnetsThroughWithoutCreatingAnything() {
    TerraformStack stack = Synth.stack();
    ClusterNetwork network = Fixtures.network(stack);

    assertThat(network.privateSubnetIds()).isEqualTo(Fixtures.SUBNETS);
    assertThat(Synth.json(stack).has("resource")).isFalse();
    assertThat(Synth.json(stack).has("data")).isFalse();
  }
}
