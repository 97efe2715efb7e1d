package io.otelstack.modules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What makes the synthesized module a reusable module, and its contract with callers. */
class OtelCollectorStackModuleTest {
  private static JsonNode module;

  @BeforeAll
  static void synthesize() {
    module = Synth.parse(ModuleFiles.synthesized());
  }

  @Test
  void declaresItsProvidersWithoutConfiguringAnyOrABackend() {
    JsonNode terraform = module.path("terraform");

    assertThat(module.has("provider")).isFalse();
    assertThat(terraform.has("backend")).isFalse();
    assertThat(terraform.path("required_providers").toString())
        .isEqualTo(
            "{\"aws\":{\"source\":\"hashicorp/aws\",\"version\":\">= 5.100.0, < 6.0.0\"},"
                + "\"helm\":{\"source\":\"hashicorp/helm\",\"version\":\">= 3.1.1, < 4.0.0\"},"
                + "\"kubernetes\":{\"source\":\"hashicorp/kubernetes\","
                + "\"version\":\">= 2.38.0, < 3.0.0\"}}");
  }

  @Test
  void takesTheClusterSideChoicesAsVariablesAndRequiresOnlyTheCoralogixTarget() {
    List<String> names = new ArrayList<>();
    List<String> required = new ArrayList<>();
    module
        .path("variable")
        .fields()
        .forEachRemaining(
            v -> {
              names.add(v.getKey());
              if (!v.getValue().has("default")) {
                required.add(v.getKey());
              }
            });

    assertThat(names)
        .containsExactly(
            "cluster_name",
            "coralogix_application_attributes",
            "coralogix_application_name",
            "coralogix_domain",
            "coralogix_private_key_secret_name",
            "coralogix_subsystem_attributes",
            "hpa_max_replicas",
            "hpa_min_replicas",
            "metrics_allowlist",
            "namespace",
            "queue_pvc_size_gi",
            "traces_sampling_percentage");
    assertThat(required)
        .containsExactly("cluster_name", "coralogix_application_name", "coralogix_domain");
  }

  @Test
  void everyVariableAndOutputIsDescribedAndEveryVariableValidated() {
    module
        .path("variable")
        .fields()
        .forEachRemaining(
            v -> {
              assertThat(v.getValue().path("description").asText()).as(v.getKey()).isNotBlank();
              assertThat(v.getValue().path("validation")).as(v.getKey()).isNotEmpty();
            });
    module
        .path("output")
        .fields()
        .forEachRemaining(
            o -> assertThat(o.getValue().path("description").asText()).as(o.getKey()).isNotBlank());
  }

  @Test
  void checksTheQueueVolumeAgainstTheSizeTheConstructsComputeForTheQueues() {
    assertThat(module.at("/variable/queue_pvc_size_gi/validation/0/condition").asText())
        .isEqualTo(
            "${var.queue_pvc_size_gi == floor(var.queue_pvc_size_gi)"
                + " && var.queue_pvc_size_gi >= 10}");
  }

  @Test
  void outputsTheEndpointsAndNamesOtherModulesNeed() {
    assertThat(module.at("/output/otlp_grpc_endpoint/value").asText())
        .isEqualTo("http://otel-metrics-traces.${var.namespace}.svc.cluster.local:4317");
    // Read from the created namespace, so a consumer of the output waits for it; an output's
    // depends_on on a resource would make terraform init fail in every calling configuration.
    assertThat(module.at("/output/agent_namespace/value").asText())
        .isEqualTo("${kubernetes_namespace_v1.AgentNamespace_3212628B.metadata[0].name}");
    assertThat(module.at("/output/agent_namespace").has("depends_on")).isFalse();
  }

  @Test
  void fillsTheKubernetesSecretsFromTheSecretsManagerReferenceOnly() {
    assertThat(
            module
                .at("/data/aws_secretsmanager_secret_version/CoralogixPrivateKey/secret_id")
                .asText())
        .isEqualTo("${var.coralogix_private_key_secret_name}");
    module
        .at("/resource/kubernetes_secret_v1")
        .forEach(
            s ->
                assertThat(s.at("/data/private-key").asText())
                    .isEqualTo(
                        "${data.aws_secretsmanager_secret_version.CoralogixPrivateKey"
                            + ".secret_string}"));
  }

  @Test
  void keepsTheAddressesOfItsStatefulResources() {
    List<String> addresses = new ArrayList<>();
    for (String type :
        List.of("helm_release", "kubernetes_namespace_v1", "kubernetes_storage_class_v1")) {
      module
          .path("resource")
          .path(type)
          .fieldNames()
          .forEachRemaining(n -> addresses.add(type + "." + n));
    }

    assertThat(addresses)
        .containsExactly(
            "helm_release.ClusterCollector_96955D30",
            "helm_release.Logs_6819BB44",
            "helm_release.MetricsTraces_475430C5",
            "helm_release.TargetAllocator_DEBEBA11",
            "kubernetes_namespace_v1.AgentNamespace_3212628B",
            "kubernetes_namespace_v1.GatewayNamespace_BDB3BFC3",
            "kubernetes_storage_class_v1.StorageClasses_Queue_940280D8");
  }

  @Test
  void movesTheQueueStorageClassOfEarlierStatesToTheAddressTheStacksUse() {
    assertThat(module.path("moved").toString())
        .isEqualTo(
            "[{\"from\":\"kubernetes_storage_class_v1.QueueStorageClass_E398A0C5\","
                + "\"to\":\"kubernetes_storage_class_v1.StorageClasses_Queue_940280D8\"}]");
  }
}
