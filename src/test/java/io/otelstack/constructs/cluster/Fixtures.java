package io.otelstack.constructs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.testing.Synth;
import java.util.List;

/** Minimal valid constructs that the cluster tests build on. */
final class Fixtures {
  static final String CLUSTER_NAME = "otel-stack-test";
  static final List<String> SUBNETS = List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb");

  private Fixtures() {}

  /** Existing subnets: a network that creates nothing, so tests see only their construct. */
  static ClusterNetwork network(TerraformStack stack) {
    return new ClusterNetwork(
        stack,
        "Network",
        ClusterNetworkProps.builder().clusterName(CLUSTER_NAME).existingSubnetIds(SUBNETS).build());
  }

  /** Cluster props with only the required fields set. */
  static EksClusterProps.Builder clusterProps(TerraformStack stack) {
    return EksClusterProps.builder()
        .clusterName(CLUSTER_NAME)
        .kubernetesVersion("1.33")
        .network(network(stack));
  }

  /** A cluster with default props. */
  static EksCluster cluster(TerraformStack stack) {
    return new EksCluster(stack, "Cluster", clusterProps(stack).build());
  }

  /** Node group props with only the required fields set. */
  static ManagedNodeGroupProps.Builder nodeGroupProps(EksCluster cluster, String name) {
    return ManagedNodeGroupProps.builder()
        .cluster(cluster)
        .name(name)
        .instanceTypes(List.of("m6i.large"));
  }

  /** A node group with default props. */
  static ManagedNodeGroup nodeGroup(TerraformStack stack, EksCluster cluster, String id) {
    return new ManagedNodeGroup(stack, id, nodeGroupProps(cluster, id.toLowerCase()).build());
  }

  /** The value an output of {@code token} synthesizes to, e.g. {@code ${aws_x.y.arn}}. */
  static String resolve(TerraformStack stack, String token) {
    new TerraformOutput(stack, "Resolved", TerraformOutputConfig.builder().value(token).build());
    return Synth.json(stack).path("output").path("Resolved").path("value").asText();
  }

  /** The resource of {@code type} whose logical ID starts with {@code idPrefix}. */
  static JsonNode resource(JsonNode synthesized, String type, String idPrefix) {
    var fields = synthesized.path("resource").path(type).fields();
    while (fields.hasNext()) {
      var entry = fields.next();
      if (entry.getKey().startsWith(idPrefix)) {
        return entry.getValue();
      }
    }
    throw new AssertionError("no " + type + " with an ID starting " + idPrefix);
  }
}
