package io.otelstack.constructs.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class EksClusterTest {
  private static final String KEY_ARN = "${aws_kms_key.Cluster_KmsKey_1DF2A9A7.arn}";

  private static JsonNode synth(UnaryOperator<EksClusterPropsBuilder> customize) {
    TerraformStack stack = Synth.stack();
    new EksCluster(stack, "Cluster", customize.apply(Fixtures.clusterProps(stack)).build());
    return Synth.json(stack);
  }

  private static JsonNode cluster(JsonNode json) {
    return Synth.onlyResource(json, "aws_eks_cluster");
  }

  @Test
  void runsTheGivenVersionInTheNetworksSubnets() {
    JsonNode cluster = cluster(synth(p -> p));

    assertThat(cluster.path("name").asText()).isEqualTo(Fixtures.CLUSTER_NAME);
    assertThat(cluster.path("version").asText()).isEqualTo("1.36");
    assertThat(Fixtures.texts(cluster.path("vpc_config").path("subnet_ids")))
        .isEqualTo(Fixtures.SUBNETS);
  }

  @Test
  void encryptsSecretsWithItsKmsKey() {
    JsonNode encryption = cluster(synth(p -> p)).path("encryption_config");

    assertThat(Fixtures.texts(encryption.path("resources"))).containsExactly("secrets");
    assertThat(encryption.path("provider").path("key_arn").asText()).isEqualTo(KEY_ARN);
  }

  @Test
  void rotatesBothKeysAndGivesEachAPolicy() {
    JsonNode keys = synth(p -> p).path("resource").path("aws_kms_key");

    assertThat(keys.size()).isEqualTo(2);
    keys.elements()
        .forEachRemaining(
            key -> {
              assertThat(key.path("enable_key_rotation").asBoolean()).isTrue();
              assertThat(key.path("policy").asText()).contains("\"Sid\":\"AccountIamPolicies\"");
            });
  }

  @Test
  void aliasesTheSecretsKeyAfterTheCluster() {
    JsonNode alias = Synth.onlyResource(synth(p -> p), "aws_kms_alias");

    assertThat(alias.path("name").asText()).isEqualTo("alias/eks/otel-stack-test");
  }

  @Test
  void letsTheClusterRoleUseOnlyItsKey() {
    JsonNode json = synth(p -> p);
    JsonNode policy =
        Synth.parse(Synth.onlyResource(json, "aws_iam_role_policy").path("policy").asText());

    JsonNode statement = policy.path("Statement").get(0);
    assertThat(statement.path("Resource").asText()).isEqualTo(KEY_ARN);
    assertThat(Fixtures.texts(statement.path("Action")))
        .containsExactly("kms:Encrypt", "kms:Decrypt", "kms:ListGrants", "kms:DescribeKey");
  }

  @Test
  void givesEksAClusterRoleWithTheClusterPolicy() {
    JsonNode json = synth(p -> p);
    JsonNode role = Synth.onlyResource(json, "aws_iam_role");
    JsonNode trust = Synth.parse(role.path("assume_role_policy").asText()).path("Statement").get(0);

    assertThat(role.path("name").asText()).isEqualTo("otel-stack-test-cluster");
    assertThat(trust.path("Principal").path("Service").asText()).isEqualTo("eks.amazonaws.com");
    assertThat(
            Synth.onlyResource(json, "aws_iam_role_policy_attachment").path("policy_arn").asText())
        .isEqualTo("arn:aws:iam::aws:policy/AmazonEKSClusterPolicy");
  }

  @Test
  void createsTheClusterAfterItsPermissionsAndLogGroup() {
    assertThat(Fixtures.texts(cluster(synth(p -> p)).path("depends_on")))
        .containsExactly(
            "aws_iam_role_policy_attachment.Cluster_AmazonEKSClusterPolicy_6AA8D435",
            "aws_iam_role_policy.Cluster_KmsKeyAccess_909DF8FF",
            "aws_cloudwatch_log_group.Cluster_LogGroup_172FC6DD");
  }

  @Test
  void keepsTheEndpointPrivateByDefault() {
    JsonNode endpoint = cluster(synth(p -> p)).path("vpc_config");

    assertThat(endpoint.path("endpoint_private_access").asBoolean()).isTrue();
    assertThat(endpoint.path("endpoint_public_access").asBoolean()).isFalse();
    assertThat(endpoint.has("public_access_cidrs")).isFalse();
  }

  @Test
  void opensThePublicEndpointOnlyToTheGivenCidrs() {
    JsonNode endpoint =
        cluster(
                synth(
                    p ->
                        p.endpointPublicAccess(true)
                            .publicAccessCidrs(List.of("203.0.113.0/24", "198.51.100.7/32"))))
            .path("vpc_config");

    assertThat(endpoint.path("endpoint_private_access").asBoolean()).isTrue();
    assertThat(endpoint.path("endpoint_public_access").asBoolean()).isTrue();
    assertThat(Fixtures.texts(endpoint.path("public_access_cidrs")))
        .containsExactly("203.0.113.0/24", "198.51.100.7/32");
  }

  @Test
  void sendsTheDefaultControlPlaneLogsToAnEncryptedGroupKeptAYear() {
    JsonNode json = synth(p -> p);
    JsonNode group = Synth.onlyResource(json, "aws_cloudwatch_log_group");

    assertThat(Fixtures.texts(cluster(json).path("enabled_cluster_log_types")))
        .containsExactly("api", "audit", "authenticator");
    assertThat(group.path("name").asText()).isEqualTo("/aws/eks/otel-stack-test/cluster");
    assertThat(group.path("retention_in_days").asInt()).isEqualTo(365);
    assertThat(group.path("kms_key_id").asText()).startsWith("${aws_kms_key.").endsWith(".arn}");
  }

  @Test
  void letsCloudWatchLogsUseTheLogKeyForItsGroupOnly() {
    JsonNode json = synth(p -> p);
    String policy =
        json.path("resource").path("aws_kms_key").findValuesAsText("policy").stream()
            .filter(p -> p.contains("logs."))
            .findFirst()
            .orElseThrow();

    assertThat(policy)
        .contains("\"Service\":\"logs.${data.aws_region.")
        .contains("\"kms:EncryptionContext:aws:logs:arn\":\"arn:aws:logs:")
        .contains(":log-group:/aws/eks/otel-stack-test/cluster\"");
  }

  @Test
  void sendsTheGivenControlPlaneLogs() {
    JsonNode json = synth(p -> p.controlPlaneLogTypes(List.of("api", "scheduler")));

    assertThat(Fixtures.texts(cluster(json).path("enabled_cluster_log_types")))
        .containsExactly("api", "scheduler");
  }

  @Test
  void createsNoLogGroupWithoutLogTypes() {
    JsonNode json = synth(p -> p.controlPlaneLogTypes(List.of()));

    assertThat(json.path("resource").has("aws_cloudwatch_log_group")).isFalse();
    assertThat(Fixtures.texts(cluster(json).path("enabled_cluster_log_types"))).isEmpty();
  }

  @Test
  void authenticatesByAccessEntriesAndKeepsTheCreatorAdmin() {
    JsonNode access = cluster(synth(p -> p)).path("access_config");

    assertThat(access.path("authentication_mode").asText()).isEqualTo("API");
    assertThat(access.path("bootstrap_cluster_creator_admin_permissions").asBoolean()).isTrue();
  }

  @Test
  void createsNoAccessEntriesByDefault() {
    JsonNode resources = synth(p -> p).path("resource");

    assertThat(resources.has("aws_eks_access_entry")).isFalse();
    assertThat(resources.has("aws_eks_access_policy_association")).isFalse();
  }

  @Test
  void makesEachAdminRoleAClusterAdmin() {
    String arn = "arn:aws:iam::222222222222:role/platform-admin";
    JsonNode json = synth(p -> p.adminRoleArns(List.of(arn)));
    JsonNode entry = Synth.onlyResource(json, "aws_eks_access_entry");
    JsonNode association = Synth.onlyResource(json, "aws_eks_access_policy_association");

    assertThat(entry.path("principal_arn").asText()).isEqualTo(arn);
    assertThat(entry.path("type").asText()).isEqualTo("STANDARD");
    assertThat(association.path("principal_arn").asText())
        .isEqualTo(
            "${aws_eks_access_entry.Cluster_AdminAccess_PlatformAdmin_Entry_008F819B"
                + ".principal_arn}");
    assertThat(association.path("policy_arn").asText())
        .isEqualTo("arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy");
    assertThat(association.path("access_scope").path("type").asText()).isEqualTo("cluster");
  }

  @Test
  void keepsTheAddressesOfTheClusterAndItsKey() {
    JsonNode resources = synth(p -> p).path("resource");

    assertThat(resources.path("aws_eks_cluster").has("Cluster_EB0386A7")).isTrue();
    assertThat(resources.path("aws_kms_key").has("Cluster_KmsKey_1DF2A9A7")).isTrue();
  }

  @Test
  void exposesItsAttributesAsReferencesForOutputs() {
    TerraformStack stack = Synth.stack();
    EksCluster cluster = Fixtures.cluster(stack);

    assertThat(
            Fixtures.resolve(
                stack,
                cluster.name(),
                cluster.endpoint(),
                cluster.certificateAuthorityData(),
                cluster.arn(),
                cluster.kubernetesVersion()))
        .containsExactly(
            "${aws_eks_cluster.Cluster_EB0386A7.name}",
            "${aws_eks_cluster.Cluster_EB0386A7.endpoint}",
            "${aws_eks_cluster.Cluster_EB0386A7.certificate_authority[0].data}",
            "${aws_eks_cluster.Cluster_EB0386A7.arn}",
            "${aws_eks_cluster.Cluster_EB0386A7.version}");
    assertThat(cluster.clusterName()).isEqualTo(Fixtures.CLUSTER_NAME);
    assertThat(cluster.subnetIds()).isEqualTo(Fixtures.SUBNETS);
  }

  @Test
  void failsWhenTheNetworkIsForAnotherCluster() {
    TerraformStack stack = Synth.stack();
    EksClusterProps props = Fixtures.clusterProps(stack).clusterName("otel-stack-other").build();

    assertThatThrownBy(() -> new EksCluster(stack, "Cluster", props))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Cluster: ClusterNetworkProps.clusterName (otel-stack-test) must equal EksClusterProps.clusterName"
                + " (otel-stack-other), since the subnets are tagged for the cluster they serve;"
                + " create the ClusterNetwork with the same clusterName");
  }
}
