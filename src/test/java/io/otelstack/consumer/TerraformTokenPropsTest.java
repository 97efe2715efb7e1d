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
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetPropsBuilder;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.constructs.metrics.TargetAllocatorProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.scaling.StackHpa;
import io.otelstack.constructs.scaling.StackHpaProps;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import io.otelstack.testing.Synth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The props that the Terraform module turns into variables take Terraform tokens: their checks wait
 * for a literal, and the references reach the synthesized Terraform. In Helm values a token is
 * written as {@code ${jsonencode(...)}}, so that YAML reads a number as a number and a string stays
 * one string whatever it holds.
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
      UnaryOperator<MetricsTracesStatefulSetPropsBuilder> props) {
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
                    .coralogixApplicationName("payments")
                    .clusterName("payments-eks"))
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
        .contains("domain: ${jsonencode(var.coralogix_domain)}\n")
        .doesNotContain("eu2");
  }

  @Test
  void aQueueSizeVariableSizesTheVolumeClaims() {
    Number size = number("queue_pvc_size_gi");
    gateway(p -> p.queuePvcSizeGi(size));

    assertThat(releaseValues())
        .contains("storage: ${jsonencode(\"${var.queue_pvc_size_gi}Gi\")}\n");
  }

  @Test
  void aSamplingPercentageVariableIsWrittenAsJson() {
    Number percent = number("traces_sampling_percentage");
    gateway(p -> p.tracesSamplingPercentage(percent.doubleValue()));

    assertThat(releaseValues())
        .contains("sampling_percentage: ${jsonencode(var.traces_sampling_percentage)}\n");
  }

  @Test
  void replicaBoundVariablesAreWrittenAsJson() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);
    Number min = number("hpa_min_replicas");
    Number max = number("hpa_max_replicas");
    new StackHpa(
        stack,
        "Hpa",
        StackHpaProps.builder().target(gateway).minReplicas(min).maxReplicas(max).build());

    assertThat(releaseValues())
        .contains(
            "minReplicas: ${jsonencode(var.hpa_min_replicas)}\n",
            "maxReplicas: ${jsonencode(var.hpa_max_replicas)}\n");
  }

  @Test
  void anAllowlistVariableIsJoinedByTerraform() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);
    List<String> allowlist = Token.asList(variable("metrics_allowlist", "list(string)").getValue());
    new TargetAllocator(
        stack,
        "TargetAllocator",
        TargetAllocatorProps.builder().collector(gateway).allowlist(allowlist).build());
    List<String> values = new ArrayList<>();
    Synth.json(stack)
        .at("/resource/helm_release")
        .forEach(r -> values.add(r.at("/values/0").asText()));

    assertThat(values)
        .anySatisfy(
            v ->
                assertThat(v)
                    .contains("regex: ${jsonencode(join(\"|\", var.metrics_allowlist))}\n"));
  }

  @Test
  void failsWhenALiteralReplicaBoundIsNotAWholeNumber() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);

    assertThatThrownBy(() -> StackHpaProps.builder().target(gateway).minReplicas(2.5).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.minReplicas (2.5) must be a whole number");
  }

  @Test
  void literalsAreStillCheckedBesideATokenBound() {
    MetricsTracesStatefulSet gateway = gateway(p -> p);
    Number max = number("hpa_max_replicas");

    assertThatThrownBy(
            () -> StackHpaProps.builder().target(gateway).minReplicas(0).maxReplicas(max).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageStartingWith("StackHpaProps.minReplicas (0) must be >= 1");
  }
}
