package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.List;
import org.junit.jupiter.api.Test;

class EbsCsiDriverPropsTest {
  private static EbsCsiDriverPropsBuilder props() {
    TerraformStack stack = Synth.stack();
    EksCluster cluster = Fixtures.cluster(stack);
    return EbsCsiDriverProps.builder()
        .cluster(cluster)
        .addonVersion("v1.48.0-eksbuild.1")
        .nodeGroups(List.of(Fixtures.nodeGroup(stack, cluster, "System")));
  }

  @Test
  void pinsThePodIdentityAgentByDefault() {
    assertThat(props().build().podIdentityAgentVersion()).isEqualTo("v1.3.8-eksbuild.2");
  }

  @Test
  void keepsTheGivenVersions() {
    EbsCsiDriverProps props =
        props()
            .addonVersion("v1.49.0-eksbuild.1")
            .podIdentityAgentVersion("v1.3.9-eksbuild.3")
            .build();

    assertThat(props.addonVersion()).isEqualTo("v1.49.0-eksbuild.1");
    assertThat(props.podIdentityAgentVersion()).isEqualTo("v1.3.9-eksbuild.3");
  }

  @Test
  void failsWhenTheAddonVersionIsNotPinned() {
    assertThatThrownBy(() -> props().addonVersion("latest").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EbsCsiDriverProps.addonVersion (latest) must be an EKS add-on version such as"
                + " v1.61.0-eksbuild.1");
  }

  @Test
  void failsWhenTheAddonVersionIsMissing() {
    assertThatThrownBy(() -> props().addonVersion(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("EbsCsiDriverProps.addonVersion is required");
  }

  @Test
  void failsWhenTheAgentVersionIsMalformed() {
    assertThatThrownBy(() -> props().podIdentityAgentVersion("1.3.8").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EbsCsiDriverProps.podIdentityAgentVersion (1.3.8) must be an EKS add-on version such as"
                + " v1.3.8-eksbuild.2");
  }

  @Test
  void failsWhenThereAreNoNodeGroups() {
    assertThatThrownBy(() -> props().nodeGroups(List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "EbsCsiDriverProps.nodeGroups is empty; pass the node groups the driver's controller runs"
                + " on, because the add-on never becomes active without nodes");
  }
}
