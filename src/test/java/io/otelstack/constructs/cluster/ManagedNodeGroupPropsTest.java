package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManagedNodeGroupPropsTest {
  private static ManagedNodeGroupPropsBuilder props() {
    return Fixtures.nodeGroupProps(Fixtures.cluster(Synth.stack()), "system");
  }

  @Test
  void runsTwoOnDemandNodesWith50GiDisksByDefault() {
    ManagedNodeGroupProps props = props().build();

    assertThat(props.capacityType()).isEqualTo(CapacityType.ON_DEMAND);
    assertThat(props.minSize()).isEqualTo(2);
    assertThat(props.desiredSize()).isEqualTo(2);
    assertThat(props.maxSize()).isEqualTo(4);
    assertThat(props.diskSizeGi()).isEqualTo(50);
    assertThat(props.labels()).isEmpty();
    assertThat(props.taints()).isEmpty();
  }

  @Test
  void startsAtMinSizeWhenDesiredSizeIsNotGiven() {
    assertThat(props().minSize(3).maxSize(6).build().desiredSize()).isEqualTo(3);
  }

  @Test
  void failsWhenMinSizeExceedsDesiredSize() {
    assertThatThrownBy(() -> props().minSize(3).desiredSize(2).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps[system].minSize (3) must be <= ManagedNodeGroupProps[system].desiredSize"
                + " (2); lower minSize or raise desiredSize");
  }

  @Test
  void failsWhenDesiredSizeExceedsMaxSize() {
    assertThatThrownBy(() -> props().desiredSize(5).maxSize(4).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps[system].desiredSize (5) must be <= ManagedNodeGroupProps[system].maxSize"
                + " (4); lower desiredSize or raise maxSize");
  }

  @Test
  void failsWhenMinSizeIsNegative() {
    assertThatThrownBy(() -> props().minSize(-1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("ManagedNodeGroupProps[system].minSize (-1) must be >= 0");
  }

  @Test
  void failsWhenMaxSizeIsZero() {
    assertThatThrownBy(() -> props().minSize(0).maxSize(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("ManagedNodeGroupProps[system].maxSize (0) must be >= 1");
  }

  @Test
  void failsWhenInstanceTypesAreEmpty() {
    assertThatThrownBy(() -> props().instanceTypes(List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps[system].instanceTypes is empty; list at least one EC2 instance type, e.g."
                + " m6i.large");
  }

  @Test
  void failsWhenAnInstanceTypeIsMalformed() {
    assertThatThrownBy(() -> props().instanceTypes(List.of("m6i-large")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps[system].instanceTypes contains m6i-large, which is not an EC2 instance"
                + " type such as m6i.large");
  }

  @Test
  void failsWhenTheDiskIsSmallerThanTheAmi() {
    assertThatThrownBy(() -> props().diskSizeGi(10).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps[system].diskSizeGi (10) must be >= 20, the size of the EKS-optimized"
                + " AMI's root snapshot");
  }

  @Test
  void failsWhenTheNameIsTooLongForTheRoleName() {
    assertThatThrownBy(() -> props().name("observability-dedicated").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ManagedNodeGroupProps.name (observability-dedicated) must be 1 to 20 lowercase letters, digits"
                + " and hyphens, starting with a letter and ending with a letter or digit; the"
                + " node IAM role name <cluster>-<name>-node must fit IAM's 64 characters");
  }

  @Test
  void failsWhenTheClusterIsMissing() {
    assertThatThrownBy(() -> props().cluster(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("ManagedNodeGroupProps.cluster is required");
  }
}
