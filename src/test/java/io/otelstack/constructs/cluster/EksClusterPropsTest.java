package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EksClusterPropsTest {
  private static EksClusterPropsBuilder props() {
    return Fixtures.clusterProps(Synth.stack());
  }

  @Test
  void keepsTheEndpointPrivateAndLogsApiAuditAndAuthenticatorByDefault() {
    EksClusterProps props = props().build();

    assertThat(props.endpointPublicAccess()).isFalse();
    assertThat(props.publicAccessCidrs()).isEmpty();
    assertThat(props.controlPlaneLogTypes()).containsExactly("api", "audit", "authenticator");
    assertThat(props.adminRoleArns()).isEmpty();
  }

  @Test
  void keepsCustomValues() {
    EksClusterProps props =
        props()
            .endpointPublicAccess(true)
            .publicAccessCidrs(List.of("203.0.113.0/24"))
            .controlPlaneLogTypes(List.of("controllerManager"))
            .adminRoleArns(List.of("arn:aws:iam::333333333333:role/ops/platform-admin"))
            .build();

    assertThat(props.endpointPublicAccess()).isTrue();
    assertThat(props.publicAccessCidrs()).containsExactly("203.0.113.0/24");
    assertThat(props.controlPlaneLogTypes()).containsExactly("controllerManager");
    assertThat(props.adminRoleArns())
        .containsExactly("arn:aws:iam::333333333333:role/ops/platform-admin");
  }

  @Test
  void namesAccessEntriesAfterTheRoleInPascalCase() {
    assertThat(EksClusterProps.accessEntryId("arn:aws:iam::333333333333:role/ops/platform-admin"))
        .isEqualTo("PlatformAdmin");
  }

  @Test
  void failsWhenPublicAccessHasNoCidrs() {
    assertThatThrownBy(() -> props().endpointPublicAccess(true).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.endpointPublicAccess is true but EksClusterProps.publicAccessCidrs is empty; list"
                + " the CIDR blocks allowed to reach the public endpoint, e.g. 203.0.113.0/24, or"
                + " set EksClusterProps.endpointPublicAccess to false");
  }

  @Test
  void failsWhenCidrsAreGivenWithoutPublicAccess() {
    assertThatThrownBy(() -> props().publicAccessCidrs(List.of("203.0.113.0/24")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.publicAccessCidrs [203.0.113.0/24] is set but EksClusterProps.endpointPublicAccess"
                + " is false; set EksClusterProps.endpointPublicAccess to true to open the public endpoint to"
                + " them, or remove them");
  }

  @Test
  void failsWhenThePublicEndpointIsOpenToTheWholeInternet() {
    assertThatThrownBy(
            () ->
                props().endpointPublicAccess(true).publicAccessCidrs(List.of("0.0.0.0/0")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.publicAccessCidrs contains 0.0.0.0/0, which opens the Kubernetes API to the"
                + " whole internet; list only the CIDR blocks that need access");
  }

  @Test
  void failsWhenAPublicAccessCidrIsMalformed() {
    assertThatThrownBy(
            () ->
                props()
                    .endpointPublicAccess(true)
                    .publicAccessCidrs(List.of("203.0.113.0"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.publicAccessCidrs entry (203.0.113.0) must be an IPv4 CIDR block such as"
                + " 10.0.0.0/16");
  }

  @Test
  void failsWhenALogTypeIsUnknown() {
    assertThatThrownBy(() -> props().controlPlaneLogTypes(List.of("api", "apiserver")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.controlPlaneLogTypes contains apiserver, which is not a control-plane log"
                + " type; use any of api, audit, authenticator, controllerManager, scheduler");
  }

  @Test
  void failsWhenKubernetesVersionIsNotAMinorVersionEksOffers() {
    assertThatThrownBy(() -> props().kubernetesVersion("1.36.2").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.kubernetesVersion (1.36.2) is not a Kubernetes version EKS offers; use one of"
                + " [1.36, 1.35, 1.34, 1.33, 1.32, 1.31, 1.30, 1.29] (newest first), or add a"
                + " newer one with its support dates to EksVersions");
  }

  @Test
  void failsWhenAnAdminIsNotARole() {
    assertThatThrownBy(
            () -> props().adminRoleArns(List.of("arn:aws:iam::333333333333:user/alice")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.adminRoleArns contains arn:aws:iam::333333333333:user/alice, which is not an"
                + " IAM role ARN such as arn:aws:iam::111111111111:role/platform-admin");
  }

  @Test
  void failsWhenTwoAdminRolesShareAName() {
    assertThatThrownBy(
            () ->
                props()
                    .adminRoleArns(
                        List.of(
                            "arn:aws:iam::111111111111:role/platform-admin",
                            "arn:aws:iam::222222222222:role/platform-admin"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.adminRoleArns contains arn:aws:iam::111111111111:role/platform-admin and"
                + " arn:aws:iam::222222222222:role/platform-admin, whose role names are the same;"
                + " each admin role's access entry is named after its role, so list each role"
                + " once and give different roles different names");
  }

  @Test
  void failsWhenTheClusterNameLeavesNoRoomForRoleNames() {
    assertThatThrownBy(() -> props().clusterName("otel-stack-" + "x".repeat(28)).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EksClusterProps.clusterName (otel-stack-xxxxxxxxxxxxxxxxxxxxxxxxxxxx) must be 1 to 38"
                + " lowercase letters, digits and hyphens, starting with a letter and ending with"
                + " a letter or digit; IAM role names are derived from it and IAM caps them at 64"
                + " characters");
  }

  @Test
  void failsWhenTheNetworkIsMissing() {
    assertThatThrownBy(() -> props().network(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("EksClusterProps.network is required");
  }
}
