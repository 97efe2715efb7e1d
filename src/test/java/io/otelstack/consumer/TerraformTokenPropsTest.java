package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableConfig;
import com.hashicorp.cdktf.Token;
import io.otelstack.ValidationException;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.scaling.StackHpa;
import io.otelstack.constructs.scaling.StackHpaProps;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import io.otelstack.testing.Synth;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The props that the Terraform module turns into variables take Terraform tokens: their checks wait
 * for a literal, and the references reach the synthesized Terraform, numbers unquoted in the Helm
 * values so that YAML reads them as numbers.
 */
class TerraformTokenPropsTest {
  private final TerraformStack stack = Synth.stack();

  private String string(String name) {
    return variable(name, "string").getStringValue();
  }

  private Number number(String name) {
    return Token.asNumber(variable(name, "number").getValue());
  }

  private TerraformVariable variable(String name, String type) {
    return new TerraformVariable(stack, name, TerraformVariableConfig.builder().type(type).build());
  }

  /** A gateway in a namespace named by a variable, customised by {@code props}. */
  private MetricsTracesStatefulSet gateway(
      UnaryOperator<MetricsTracesStatefulSetProps.Builder> props) {
    CollectorNamespace ns =
        new CollectorNamespace(
            stack, "Namespace", new CollectorNamespaceProps(string("namespace"), null));
    CoralogixKubernetesSecret secret =
        new CoralogixKubernetesSecret(
            stack,
            "Secret",
            CoralogixKubernetesSecretProps.builder()
                .namespace(ns)
                .privateKey(string("key"))
                .build());
    return new MetricsTracesStatefulSet(
        stack,
        "Gateway",
        props
            .apply(
                MetricsTracesStatefulSetProps.builder()
                    .namespace(ns)
                    .coralogixSecret(secret)
                    .coralogixDomain("eu2.coralogix.com")
                    .coralogixApplicationName("payments"))
            .build());
  }

  private String releaseValues() {
    return Synth.onlyResource(Synth.json(stack), "helm_release").path("values").get(0).asText();
  }

  @Test
  void aNamespaceNamedByAVariableReachesTheNamespaceAndTheRelease() {
    gateway(p -> p);
    JsonNode json = Synth.json(stack);

    assertThat(Synth.onlyResource(json, "kubernetes_namespace_v1").at("/metadata/name").asText())
        .isEqualTo("${var.namespace}");
    assertThat(Synth.onlyResource(json, "helm_release").path("namespace").asText())
        .isEqualTo("${var.namespace}");
  }

  @Test
  void aCoralogixDomainVariableReachesEveryExporter() {
    String domain = string("coralogix_domain");
    gateway(p -> p.coralogixDomain(domain));

    assertThat(releaseValues())
        .contains("domain: \"${var.coralogix_domain}\"")
        .doesNotContain("eu2");
  }

  @Test
  void aQueueSizeVariableSizesTheVolumeClaims() {
    Number size = number("queue_pvc_size_gi");
    gateway(p -> p.queuePvcSizeGi(size));

    assertThat(releaseValues()).contains("storage: \"${var.queue_pvc_size_gi}Gi\"");
  }

  @Test
  void aSamplingPercentageVariableIsWrittenAsANumber() {
    Number percent = number("traces_sampling_percentage");
    gateway(p -> p.tracesSamplingPercentage(percent.doubleValue()));

    assertThat(releaseValues())
        .contains("sampling_percentage: ${var.traces_sampling_percentage}\n");
  }

  @Test
  void replicaBoundVariablesAreWrittenAsNumbers() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);
    Number min = number("hpa_min_replicas");
    Number max = number("hpa_max_replicas");
    new StackHpa(
        stack,
        "Hpa",
        StackHpaProps.builder().target(gateway).minReplicas(min).maxReplicas(max).build());

    assertThat(releaseValues())
        .contains(
            "minReplicas: ${var.hpa_min_replicas}\n", "maxReplicas: ${var.hpa_max_replicas}\n");
  }

  @Test
  void failsWhenALiteralReplicaBoundIsNotAWholeNumber() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);

    assertThatThrownBy(() -> StackHpaProps.builder().target(gateway).minReplicas(2.5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("hpa.minReplicas (2.5) must be a whole number");
  }

  @Test
  void literalsAreStillCheckedBesideATokenBound() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);
    Number max = number("hpa_max_replicas");

    assertThatThrownBy(
            () -> StackHpaProps.builder().target(gateway).minReplicas(0).maxReplicas(max).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("hpa.minReplicas (0) must be >= 1");
  }
}
