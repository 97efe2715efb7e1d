package io.otelstack.constructs.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;

/** Minimal valid constructs that the cluster tests build on. */
final class Fixtures {
  static final String CLUSTER_NAME = "otel-stack-test";
  static final List<String> SUBNETS =
      List.of("subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb");

  private Fixtures() {}

  /** Existing subnets: a network that creates nothing, so tests see only their construct. */
  static ClusterNetwork network(TerraformStack stack) {
    return new ClusterNetwork(
        stack,
        "Network",
        ClusterNetworkProps.builder().clusterName(CLUSTER_NAME).existingSubnetIds(SUBNETS).build());
  }

  /** Cluster props with only the required fields set. */
  static EksClusterPropsBuilder clusterProps(TerraformStack stack) {
    return EksClusterProps.builder()
        .clusterName(CLUSTER_NAME)
        .kubernetesVersion("1.36")
        .network(network(stack));
  }

  /** A cluster with default props. */
  static EksCluster cluster(TerraformStack stack) {
    return new EksCluster(stack, "Cluster", clusterProps(stack).build());
  }

  /** Node group props with only the required fields set. */
  static ManagedNodeGroupPropsBuilder nodeGroupProps(EksCluster cluster, String name) {
    return ManagedNodeGroupProps.builder()
        .cluster(cluster)
        .name(name)
        .instanceTypes(List.of("m6i.large"));
  }

  /** A node group with default props. */
  static ManagedNodeGroup nodeGroup(TerraformStack stack, EksCluster cluster, String id) {
    return new ManagedNodeGroup(stack, id, nodeGroupProps(cluster, id.toLowerCase()).build());
  }

  /** What outputs of {@code tokens} synthesize to, e.g. {@code ${aws_x.y.arn}}. */
  static List<String> resolve(TerraformStack stack, String... tokens) {
    for (int i = 0; i < tokens.length; i++) {
      new TerraformOutput(
          stack, "Resolved" + i, TerraformOutputConfig.builder().value(tokens[i]).build());
    }
    JsonNode outputs = Synth.json(stack).path("output");
    List<String> values = new ArrayList<>();
    for (int i = 0; i < tokens.length; i++) {
      values.add(outputs.path("Resolved" + i).path("value").asText());
    }
    return values;
  }

  /** The elements of a JSON array as text. */
  static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.elements().forEachRemaining(e -> texts.add(e.asText()));
    return texts;
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
