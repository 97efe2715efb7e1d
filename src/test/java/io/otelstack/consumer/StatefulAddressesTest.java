package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.Testing;
import io.otelstack.stacks.ClusterStack;
import io.otelstack.stacks.TelemetryStack;
import io.otelstack.testing.Environments;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Terraform addresses of the resources that hold state, in the real prod stacks. Construct IDs
 * become these addresses; an address that changes makes Terraform destroy the old resource and
 * create a new one: an empty key, a new secret (the key set out of band is gone), a namespace
 * deleted with the queue volumes' claims in it. A deliberate rename needs a move (see the README,
 * "Moving a resource"), and then this list changes in the same commit.
 */
class StatefulAddressesTest {
  @Test
  void clusterStackKeepsTheAddressesOfTheClusterItsKeysLogGroupsAndTheCoralogixSecret() {
    JsonNode json =
        Synth.parse(
            Testing.synth(
                new ClusterStack(Testing.app(), "prod-cluster", Environments.load("prod"))));

    assertThat(
            addresses(
                json,
                "aws_eks_cluster",
                "aws_kms_key",
                "aws_cloudwatch_log_group",
                "aws_secretsmanager_secret"))
        .containsExactly(
            "aws_eks_cluster.Cluster_EB0386A7",
            "aws_kms_key.Cluster_KmsKey_1DF2A9A7",
            "aws_kms_key.Cluster_LogGroupKey_6F26EBB2",
            "aws_kms_key.CoralogixSecret_KmsKey_8CD5EEAF",
            "aws_kms_key.Network_FlowLogs_LogGroupKey_691CD138",
            "aws_cloudwatch_log_group.Cluster_LogGroup_172FC6DD",
            "aws_cloudwatch_log_group.Network_FlowLogs_LogGroup_06F8465A",
            "aws_secretsmanager_secret.CoralogixSecret_C195C475");
  }

  @Test
  void telemetryStackKeepsTheAddressesOfTheStatefulSetReleasesStorageClassesAndNamespaces() {
    JsonNode json =
        Synth.parse(
            Testing.synth(
                new TelemetryStack(Testing.app(), "prod-telemetry", Environments.load("prod"))));

    assertThat(addresses(json, "helm_release"))
        .contains("helm_release.MetricsTraces_475430C5", "helm_release.ClusterCollector_96955D30");
    assertThat(addresses(json, "kubernetes_storage_class_v1", "kubernetes_namespace_v1"))
        .containsExactly(
            "kubernetes_storage_class_v1.StorageClasses_General_4A6D782C",
            "kubernetes_storage_class_v1.StorageClasses_Queue_940280D8",
            "kubernetes_namespace_v1.AgentNamespace_3212628B",
            "kubernetes_namespace_v1.GatewayNamespace_BDB3BFC3");
  }

  /** {@code type.name} of every resource of the given types, types in order, names sorted. */
  private static List<String> addresses(JsonNode synthesized, String... types) {
    List<String> out = new ArrayList<>();
    for (String type : types) {
      synthesized
          .path("resource")
          .path(type)
          .fieldNames()
          .forEachRemaining(n -> out.add(type + "." + n));
    }
    return out;
  }
}
