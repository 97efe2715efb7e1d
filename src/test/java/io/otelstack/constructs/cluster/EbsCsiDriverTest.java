package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EbsCsiDriverTest {
  private static JsonNode synth(UnaryOperator<EbsCsiDriverPropsBuilder> customize) {
    TerraformStack stack = Synth.stack();
    EksCluster cluster = Fixtures.cluster(stack);
    ManagedNodeGroup system = Fixtures.nodeGroup(stack, cluster, "System");
    EbsCsiDriverPropsBuilder props =
        EbsCsiDriverProps.builder()
            .cluster(cluster)
            .addonVersion("v1.48.0-eksbuild.1")
            .nodeGroups(List.of(system));
    new EbsCsiDriver(stack, "EbsCsiDriver", customize.apply(props).build());
    return Synth.json(stack);
  }

  private static JsonNode driver(JsonNode json) {
    return Fixtures.resource(json, "aws_eks_addon", "EbsCsiDriver_D952EFC4");
  }

  private static JsonNode agent(JsonNode json) {
    return Fixtures.resource(json, "aws_eks_addon", "EbsCsiDriver_PodIdentityAgent_");
  }

  @Test
  void installsTheDriverAtThePinnedVersion() {
    JsonNode driver = driver(synth(p -> p));

    assertThat(driver.path("addon_name").asText()).isEqualTo("aws-ebs-csi-driver");
    assertThat(driver.path("addon_version").asText()).isEqualTo("v1.48.0-eksbuild.1");
    assertThat(driver.path("cluster_name").asText())
        .isEqualTo("${aws_eks_cluster.Cluster_EB0386A7.name}");
  }

  @Test
  void installsThePodIdentityAgentAtTheDefaultVersion() {
    JsonNode agent = agent(synth(p -> p));

    assertThat(agent.path("addon_name").asText()).isEqualTo("eks-pod-identity-agent");
    assertThat(agent.path("addon_version").asText()).isEqualTo("v1.3.8-eksbuild.2");
  }

  @Test
  void installsThePodIdentityAgentAtTheGivenVersion() {
    JsonNode agent = agent(synth(p -> p.podIdentityAgentVersion("v1.3.9-eksbuild.3")));

    assertThat(agent.path("addon_version").asText()).isEqualTo("v1.3.9-eksbuild.3");
  }

  @Test
  void givesTheControllerItsRoleThroughPodIdentity() {
    JsonNode json = synth(p -> p);
    JsonNode association = driver(json).path("pod_identity_association").get(0);
    JsonNode role = Fixtures.resource(json, "aws_iam_role", "EbsCsiDriver_Role_");
    JsonNode trust = Synth.parse(role.path("assume_role_policy").asText()).path("Statement").get(0);

    assertThat(association.path("service_account").asText()).isEqualTo("ebs-csi-controller-sa");
    assertThat(association.path("role_arn").asText())
        .isEqualTo("${aws_iam_role.EbsCsiDriver_Role_57AF6E69.arn}");
    assertThat(trust.path("Principal").path("Service").asText())
        .isEqualTo("pods.eks.amazonaws.com");
    assertThat(Fixtures.texts(trust.path("Action")))
        .containsExactly("sts:AssumeRole", "sts:TagSession");
    assertThat(role.path("name").asText()).isEqualTo("otel-stack-test-ebs-csi-driver");
  }

  @Test
  void grantsTheControllerOnlyTheEbsCsiDriverPolicy() {
    JsonNode attachments = synth(p -> p).path("resource").path("aws_iam_role_policy_attachment");
    List<String> policies = new ArrayList<>();
    attachments
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getKey().startsWith("EbsCsiDriver_")) {
                policies.add(e.getValue().path("policy_arn").asText());
              }
            });

    assertThat(policies)
        .containsExactly("arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy");
  }

  @Test
  void installsTheDriverAfterItsPermissionsTheAgentAndTheNodes() {
    assertThat(Fixtures.texts(driver(synth(p -> p)).path("depends_on")))
        .containsExactly(
            "aws_iam_role_policy_attachment.EbsCsiDriver_AmazonEBSCSIDriverPolicy_950568A4",
            "aws_eks_addon.EbsCsiDriver_PodIdentityAgent_D01F960F",
            "aws_eks_node_group.System_C1397B44");
  }

  @Test
  void overwritesHandMadeChangesToTheAddons() {
    JsonNode json = synth(p -> p);

    for (JsonNode addon : List.of(driver(json), agent(json))) {
      assertThat(addon.path("resolve_conflicts_on_create").asText()).isEqualTo("OVERWRITE");
      assertThat(addon.path("resolve_conflicts_on_update").asText()).isEqualTo("OVERWRITE");
    }
  }

  @Test
  void failsWhenEveryNodeGroupRepelsTheController() {
    TerraformStack stack = Synth.stack();
    EksCluster cluster = Fixtures.cluster(stack);
    ManagedNodeGroup dedicated =
        new ManagedNodeGroup(
            stack,
            "Observability",
            Fixtures.nodeGroupProps(cluster, "observability")
                .taints(List.of(new Taint("dedicated", "observability", TaintEffect.NO_SCHEDULE)))
                .build());
    EbsCsiDriverProps props =
        EbsCsiDriverProps.builder()
            .cluster(cluster)
            .addonVersion("v1.48.0-eksbuild.1")
            .nodeGroups(List.of(dedicated))
            .build();

    assertThatThrownBy(() -> new EbsCsiDriver(stack, "EbsCsiDriver", props))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/EbsCsiDriver: every node group in EbsCsiDriverProps.nodeGroups [observability] has a"
                + " NO_SCHEDULE or NO_EXECUTE taint, which the EBS CSI controller does not"
                + " tolerate; add a node group without such taints");
  }
}
