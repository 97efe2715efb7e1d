package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import io.otelstack.ValidationException;
import io.otelstack.collector.ContainerResources;
import io.otelstack.constructs.cluster.ClusterNetwork;
import io.otelstack.constructs.cluster.ClusterNetworkProps;
import io.otelstack.constructs.cluster.EksCluster;
import io.otelstack.constructs.cluster.EksClusterProps;
import org.junit.jupiter.api.Test;

/**
 * A Java consumer never saw an environment file, so an error names the prop it passed ({@code
 * ClusterNetworkProps.vpcCidr}), not the file field behind it ({@code cluster.vpc.cidr}), and a
 * rule a construct checks also names the construct's path. {@code ConstructRulesTest} shows the
 * same rules in a file user's terms.
 */
class PropErrorsTest {
  @Test
  void failsWhenAPropIsBadNamingThePropNotAnEnvironmentField() {
    assertThatThrownBy(
            () -> ClusterNetworkProps.builder().clusterName("prod").vpcCidr("10.0.0.0/24").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterNetworkProps.vpcCidr (10.0.0.0/24) must have a prefix between /16 and /20:"
                + " the private subnets (prefix + 3) give every pod a VPC address, and AWS allows"
                + " no VPC larger than /16");
  }

  @Test
  void failsWhenAConstructRuleIsBrokenNamingTheConstructPathAndTheProps() {
    TerraformStack stack = new TerraformStack(Testing.app(), "test");
    ClusterNetwork network =
        new ClusterNetwork(
            stack, "Network", ClusterNetworkProps.builder().clusterName("other").build());
    EksClusterProps props =
        EksClusterProps.builder()
            .clusterName("prod")
            .kubernetesVersion("1.36")
            .network(network)
            .build();

    assertThatThrownBy(() -> new EksCluster(stack, "Cluster", props))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Cluster: ClusterNetworkProps.clusterName (other) must equal"
                + " EksClusterProps.clusterName (prod), since the subnets are tagged for the"
                + " cluster they serve; create the ClusterNetwork with the same clusterName");
  }

  @Test
  void failsWhenARequestExceedsItsLimitForALibraryUserToo() {
    assertThatThrownBy(() -> new ContainerResources("2", "512Mi", "1", "1Gi"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ContainerResources.cpuRequest (2) must be <= ContainerResources.cpuLimit (1); lower"
                + " the request or raise the limit");
    assertThatThrownBy(() -> new ContainerResources("250m", "2Gi", "1", "1Gi"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ContainerResources.memoryRequest (2Gi) must be <= ContainerResources.memoryLimit"
                + " (1Gi); lower the request or raise the limit");
  }
}
