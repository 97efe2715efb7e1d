package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ManagedNodeGroupTest {
  private static JsonNode synth(UnaryOperator<ManagedNodeGroupPropsBuilder> customize) {
    TerraformStack stack = Synth.stack();
    EksCluster cluster = Fixtures.cluster(stack);
    new ManagedNodeGroup(
        stack, "System", customize.apply(Fixtures.nodeGroupProps(cluster, "system")).build());
    return Synth.json(stack);
  }

  private static JsonNode nodeGroup(JsonNode json) {
    return Synth.onlyResource(json, "aws_eks_node_group");
  }

  private static JsonNode launchTemplate(JsonNode json) {
    return Synth.onlyResource(json, "aws_launch_template");
  }

  @Test
  void requiresImdsV2OutOfReachOfPods() {
    JsonNode metadata = launchTemplate(synth(p -> p)).path("metadata_options");

    assertThat(metadata.path("http_endpoint").asText()).isEqualTo("enabled");
    assertThat(metadata.path("http_tokens").asText()).isEqualTo("required");
    assertThat(metadata.path("http_put_response_hop_limit").asInt()).isEqualTo(1);
  }

  @Test
  void encryptsA50GiGp3RootVolumeByDefault() {
    JsonNode device = launchTemplate(synth(p -> p)).path("block_device_mappings").get(0);

    assertThat(device.path("device_name").asText()).isEqualTo("/dev/xvda");
    assertThat(device.path("ebs").path("volume_type").asText()).isEqualTo("gp3");
    assertThat(device.path("ebs").path("encrypted").asText()).isEqualTo("true");
    assertThat(device.path("ebs").path("volume_size").asInt()).isEqualTo(50);
  }

  @Test
  void sizesTheRootVolumeFromProps() {
    JsonNode device =
        launchTemplate(synth(p -> p.diskSizeGi(100))).path("block_device_mappings").get(0);

    assertThat(device.path("ebs").path("volume_size").asInt()).isEqualTo(100);
  }

  @Test
  void launchesNodesFromTheLatestTemplateVersion() {
    JsonNode template = nodeGroup(synth(p -> p)).path("launch_template");

    assertThat(template.path("id").asText())
        .isEqualTo("${aws_launch_template.System_LaunchTemplate_E202DD12.id}");
    assertThat(template.path("version").asText())
        .isEqualTo("${aws_launch_template.System_LaunchTemplate_E202DD12.latest_version}");
  }

  @Test
  void runsTwoToFourOnDemandNodesByDefault() {
    JsonNode group = nodeGroup(synth(p -> p));

    assertThat(group.path("capacity_type").asText()).isEqualTo("ON_DEMAND");
    assertThat(group.path("scaling_config").path("min_size").asInt()).isEqualTo(2);
    assertThat(group.path("scaling_config").path("desired_size").asInt()).isEqualTo(2);
    assertThat(group.path("scaling_config").path("max_size").asInt()).isEqualTo(4);
  }

  @Test
  void runsTheGivenSpotInstancesAndScaling() {
    JsonNode group =
        nodeGroup(
            synth(
                p ->
                    p.instanceTypes(List.of("t3.large", "t3a.large"))
                        .capacityType(CapacityType.SPOT)
                        .minSize(1)
                        .desiredSize(2)
                        .maxSize(3)));

    assertThat(group.path("capacity_type").asText()).isEqualTo("SPOT");
    assertThat(Fixtures.texts(group.path("instance_types")))
        .containsExactly("t3.large", "t3a.large");
    assertThat(group.path("scaling_config").path("min_size").asInt()).isEqualTo(1);
    assertThat(group.path("scaling_config").path("desired_size").asInt()).isEqualTo(2);
    assertThat(group.path("scaling_config").path("max_size").asInt()).isEqualTo(3);
  }

  @Test
  void putsNeitherLabelsNorTaintsOnNodesByDefault() {
    JsonNode group = nodeGroup(synth(p -> p));

    assertThat(group.has("labels")).isFalse();
    assertThat(group.has("taint")).isFalse();
  }

  @Test
  void labelsNodesInKeyOrder() {
    JsonNode labels =
        nodeGroup(synth(p -> p.labels(Map.of("workload", "observability", "tier", "b"))))
            .path("labels");

    assertThat(labels.fieldNames()).toIterable().containsExactly("tier", "workload");
    assertThat(labels.path("workload").asText()).isEqualTo("observability");
  }

  @Test
  void taintsNodesWithTheEksEffectNames() {
    JsonNode taints =
        nodeGroup(
                synth(
                    p ->
                        p.taints(
                            List.of(
                                new Taint("dedicated", "observability", TaintEffect.NO_SCHEDULE),
                                new Taint("spot", null, TaintEffect.PREFER_NO_SCHEDULE)))))
            .path("taint");

    assertThat(taints.get(0).path("key").asText()).isEqualTo("dedicated");
    assertThat(taints.get(0).path("value").asText()).isEqualTo("observability");
    assertThat(taints.get(0).path("effect").asText()).isEqualTo("NO_SCHEDULE");
    assertThat(taints.get(1).path("effect").asText()).isEqualTo("PREFER_NO_SCHEDULE");
    assertThat(taints.get(1).has("value")).isFalse();
  }

  @Test
  void followsTheClusterVersionAndSubnetsOnAmazonLinux2023() {
    JsonNode group = nodeGroup(synth(p -> p));

    assertThat(group.path("cluster_name").asText())
        .isEqualTo("${aws_eks_cluster.Cluster_EB0386A7.name}");
    assertThat(group.path("version").asText())
        .isEqualTo("${aws_eks_cluster.Cluster_EB0386A7.version}");
    assertThat(Fixtures.texts(group.path("subnet_ids"))).isEqualTo(Fixtures.SUBNETS);
    assertThat(group.path("ami_type").asText()).isEqualTo("AL2023_x86_64_STANDARD");
  }

  @Test
  void namesTheGroupItsTemplateAndRoleAfterClusterAndGroup() {
    JsonNode json = synth(p -> p);

    assertThat(nodeGroup(json).path("node_group_name").asText()).isEqualTo("system");
    assertThat(launchTemplate(json).path("name").asText()).isEqualTo("otel-stack-test-system");
    assertThat(Fixtures.resource(json, "aws_iam_role", "System_Role_").path("name").asText())
        .isEqualTo("otel-stack-test-system-node");
  }

  @Test
  void givesNodesTheWorkerCniAndRegistryPoliciesBeforeTheyJoin() {
    JsonNode json = synth(p -> p);
    List<String> attachments = new ArrayList<>();
    List<String> policies = new ArrayList<>();
    json.path("resource")
        .path("aws_iam_role_policy_attachment")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("System_")) {
                attachments.add("aws_iam_role_policy_attachment." + e.getKey());
                policies.add(e.getValue().path("policy_arn").asText());
              }
            });

    assertThat(policies)
        .containsExactlyInAnyOrder(
            "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
            "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
            "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly");
    assertThat(Fixtures.texts(nodeGroup(json).path("depends_on")))
        .containsExactlyInAnyOrderElementsOf(attachments);
  }
}
