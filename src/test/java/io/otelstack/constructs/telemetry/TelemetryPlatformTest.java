package io.otelstack.constructs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryPlatformTest {
  private final TerraformStack stack = Synth.stack();
  private final String key =
      TerraformVariable.Builder.create(stack, "key").sensitive(true).build().getStringValue();

  private TelemetryPlatformProps.Builder required() {
    return TelemetryPlatformProps.builder()
        .namespace("payments-telemetry")
        .coralogixPrivateKey(key)
        .coralogixDomain("cx498.coralogix.com")
        .coralogixApplicationName("payments")
        .clusterName("payments-eks")
        .targetAllocator(b -> b.allowlist(List.of("up")));
  }

  private JsonNode synth(TelemetryPlatformProps props) {
    new TelemetryPlatform(stack, "Default", props);
    return Synth.json(stack);
  }

  private static List<String> names(JsonNode json, String type) {
    List<String> out = new ArrayList<>();
    json.path("resource").path(type).fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Test
  void withDefaultsCreatesBothNamespacesBothStorageClassesAndNoNetworkPolicies() {
    JsonNode json = synth(required().build());

    assertThat(names(json, "kubernetes_namespace_v1"))
        .containsExactlyInAnyOrder("AgentNamespace_3212628B", "GatewayNamespace_BDB3BFC3");
    assertThat(names(json, "kubernetes_storage_class_v1"))
        .containsExactlyInAnyOrder(
            "StorageClasses_General_4A6D782C", "StorageClasses_Queue_940280D8");
    assertThat(names(json, "helm_release"))
        .containsExactlyInAnyOrder(
            "Logs_6819BB44", "MetricsTraces_475430C5", "TargetAllocator_DEBEBA11");
    assertThat(json.path("resource").has("kubernetes_network_policy_v1")).isFalse();
    assertThat(
            json.at("/resource/kubernetes_namespace_v1/AgentNamespace_3212628B/metadata/name")
                .asText())
        .isEqualTo("payments-telemetry-agents");
  }

  @Test
  void withoutTheDefaultClassAndWithPoliciesCreatesOnlyTheQueueClassAndThePolicies() {
    JsonNode json =
        synth(
            required()
                .defaultStorageClass(false)
                .queueStorageClassName("payments-queue")
                .networkPolicies(b -> b.kubernetesApiCidrs(List.of("10.0.0.0/16")))
                .build());

    assertThat(names(json, "kubernetes_storage_class_v1"))
        .containsExactly("StorageClasses_Queue_940280D8");
    assertThat(
            json.at(
                    "/resource/kubernetes_storage_class_v1/StorageClasses_Queue_940280D8"
                        + "/metadata/name")
                .asText())
        .isEqualTo("payments-queue");
    assertThat(names(json, "kubernetes_network_policy_v1")).isNotEmpty();
  }

  @Test
  void wiresThePartsItCreatesOverWhatAPartsFunctionSets() {
    TelemetryPlatform platform =
        new TelemetryPlatform(
            stack,
            "Default",
            required()
                .metricsTraces(b -> b.coralogixDomain("elsewhere.example.com").queuePvcSizeGi(20))
                .hpa(b -> b.minReplicas(3).maxReplicas(9))
                .build());

    assertThat(platform.metricsTraces().props().coralogixDomain()).isEqualTo("cx498.coralogix.com");
    assertThat(platform.metricsTraces().props().queuePvcSizeGi()).isEqualTo(20);
    assertThat(platform.metricsTraces().props().queueStorageClass())
        .isSameAs(platform.queueStorageClass());
    assertThat(platform.hpa().target()).isSameAs(platform.metricsTraces());
    assertThat(platform.hpa().maxReplicas()).isEqualTo(9);
    assertThat(platform.targetAllocator().collector()).isSameAs(platform.metricsTraces());
    assertThat(platform.logs().props().namespace()).isSameAs(platform.agentNamespace());
  }

  @Test
  void failsWhenTheNamespaceIsMissing() {
    assertThatThrownBy(() -> required().namespace(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TelemetryPlatformProps.namespace is required");
  }

  @Test
  void failsWhenTheTargetAllocatorsPropsAreMissing() {
    assertThatThrownBy(() -> required().targetAllocator(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TelemetryPlatformProps.targetAllocator is required: it states at least the metrics allowlist");
  }

  @Test
  void failsWhenTheCoralogixKeyIsMissing() {
    assertThatThrownBy(() -> required().coralogixPrivateKey(" ").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TelemetryPlatformProps.coralogixPrivateKey is required");
  }
}
