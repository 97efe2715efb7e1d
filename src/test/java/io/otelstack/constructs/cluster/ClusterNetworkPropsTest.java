package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClusterNetworkPropsTest {
  private static ClusterNetworkPropsBuilder props() {
    return ClusterNetworkProps.builder().clusterName("otel-stack-dev");
  }

  @Test
  void createsAVpcOfThreeZonesWithANatGatewayEachByDefault() {
    ClusterNetworkProps props = props().build();

    assertThat(props.createsVpc()).isTrue();
    assertThat(props.vpcCidr()).isEqualTo("10.0.0.0/16");
    assertThat(props.availabilityZoneCount()).isEqualTo(3);
    assertThat(props.singleNatGateway()).isFalse();
    assertThat(props.existingSubnetIds()).isEmpty();
  }

  @Test
  void keepsCustomValues() {
    ClusterNetworkProps props =
        props().vpcCidr("172.16.0.0/20").availabilityZoneCount(2).singleNatGateway(true).build();

    assertThat(props.vpcCidr()).isEqualTo("172.16.0.0/20");
    assertThat(props.availabilityZoneCount()).isEqualTo(2);
    assertThat(props.singleNatGateway()).isTrue();
  }

  @Test
  void usesExistingSubnetsWithoutAVpcCidr() {
    ClusterNetworkProps props = props().existingSubnetIds(Fixtures.SUBNETS).build();

    assertThat(props.createsVpc()).isFalse();
    assertThat(props.vpcCidr()).isNull();
  }

  @Test
  void failsWhenExistingSubnetsAreFewerThanTwo() {
    assertThatThrownBy(() -> props().existingSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaaa")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.existingSubnetIds [subnet-0aaaaaaaaaaaaaaaa] must list at least 2 subnets,"
                + " in different availability zones, as EKS requires; add another subnet or"
                + " create a VPC instead");
  }

  @Test
  void failsWhenAnExistingSubnetIdIsMalformed() {
    assertThatThrownBy(
            () -> props().existingSubnetIds(List.of("subnet-0aaaaaaaaaaaaaaaa", "sn-1")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.existingSubnetIds contains sn-1, which is not a subnet ID such as"
                + " subnet-0123456789abcdef0");
  }

  @Test
  void failsWhenVpcCidrIsGivenWithExistingSubnets() {
    assertThatThrownBy(
            () -> props().vpcCidr("10.0.0.0/16").existingSubnetIds(Fixtures.SUBNETS).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.vpcCidr (10.0.0.0/16) must not be set together with"
                + " ClusterNetworkProps.existingSubnetIds: give either a CIDR block for a new VPC or existing"
                + " subnets, not both");
  }

  @Test
  void failsWhenVpcCidrIsNotACidrBlock() {
    assertThatThrownBy(() -> props().vpcCidr("10.0.0.256/16").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.vpcCidr (10.0.0.256/16) must be an IPv4 CIDR block such as 10.0.0.0/16");
  }

  @Test
  void failsWhenVpcCidrIsTooSmallForPodAddresses() {
    assertThatThrownBy(() -> props().vpcCidr("10.0.0.0/24").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.vpcCidr (10.0.0.0/24) must have a prefix between /16 and /20: the private"
                + " subnets (prefix + 3) give every pod a VPC address, and AWS allows no VPC"
                + " larger than /16");
  }

  @Test
  void failsWhenAvailabilityZoneCountExceedsFour() {
    assertThatThrownBy(() -> props().availabilityZoneCount(5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.availabilityZoneCount (5) must be between 2 and 4: EKS needs 2 zones, and"
                + " the private subnets, an eighth of the VPC each, may take at most half of it");
  }

  @Test
  void failsWhenClusterNameIsMissing() {
    assertThatThrownBy(() -> ClusterNetworkProps.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("ClusterNetworkProps.clusterName is required");
  }
}
