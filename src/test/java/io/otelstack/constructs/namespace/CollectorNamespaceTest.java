package io.otelstack.constructs.namespace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.testing.Synth;
import org.junit.jupiter.api.Test;

class CollectorNamespaceTest {
  private final TerraformStack stack = Synth.stack();

  private JsonNode labels() {
    return Synth.onlyResource(Synth.json(stack), "kubernetes_namespace_v1").at("/metadata/labels");
  }

  @Test
  void enforcesRestrictedByDefault() {
    CollectorNamespace ns =
        new CollectorNamespace(
            stack, "Namespace", new CollectorNamespaceProps("observability", null));

    assertThat(ns.podSecurity()).isEqualTo(PodSecurityLevel.RESTRICTED);
    assertThat(labels().path("pod-security.kubernetes.io/enforce").asText())
        .isEqualTo("restricted");
  }

  @Test
  void enforcesTheLevelFromProps() {
    new CollectorNamespace(
        stack,
        "AgentNamespace",
        new CollectorNamespaceProps("observability-agents", PodSecurityLevel.PRIVILEGED));

    assertThat(labels().path("pod-security.kubernetes.io/enforce").asText())
        .isEqualTo("privileged");
  }

  @Test
  void warnsAndAuditsAtRestrictedWhateverItEnforces() {
    new CollectorNamespace(
        stack,
        "AgentNamespace",
        new CollectorNamespaceProps("observability-agents", PodSecurityLevel.PRIVILEGED));

    assertThat(labels().path("pod-security.kubernetes.io/warn").asText()).isEqualTo("restricted");
    assertThat(labels().path("pod-security.kubernetes.io/audit").asText()).isEqualTo("restricted");
  }

  @Test
  void namesTheNamespaceFromProps() {
    CollectorNamespace ns =
        new CollectorNamespace(
            stack, "Namespace", new CollectorNamespaceProps("observability", null));

    assertThat(ns.name()).isEqualTo("observability");
    assertThat(
            Synth.onlyResource(Synth.json(stack), "kubernetes_namespace_v1")
                .at("/metadata/name")
                .asText())
        .isEqualTo("observability");
  }

  @Test
  void keepsItsTerraformAddress() {
    new CollectorNamespace(stack, "Namespace", new CollectorNamespaceProps("observability", null));

    assertThat(Synth.json(stack).path("resource").path("kubernetes_namespace_v1").fieldNames())
        .toIterable()
        .containsExactly("Namespace_9B63B8C8");
  }

  @Test
  void failsWhenTheNameIsNotADnsLabel() {
    assertThatThrownBy(() -> new CollectorNamespaceProps("Observability", null))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "CollectorNamespaceProps.name (Observability) must be a DNS label: 1 to 63 lowercase"
                + " letters, digits and '-', starting and ending with a letter or digit; Kubernetes'"
                + " bound, e.g. observability");
  }

  @Test
  void failsWhenTheNameIsMissing() {
    assertThatThrownBy(() -> new CollectorNamespaceProps(null, PodSecurityLevel.RESTRICTED))
        .isInstanceOf(ValidationException.class)
        .hasMessage("CollectorNamespaceProps.name is required");
  }
}
