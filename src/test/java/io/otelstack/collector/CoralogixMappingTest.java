package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoralogixMappingTest {
  private static CoralogixExporter exporter(CoralogixMapping mapping) {
    return new CoralogixExporter(
        "logs",
        "eu2.coralogix.com",
        "otel-stack-prod",
        "logs",
        CoralogixExporter.DEFAULT_PRIVATE_KEY_ENV,
        30,
        new SendingQueue(null, 10, 5000, 512),
        mapping);
  }

  @Test
  void workloadMappingFallsBackToTheStaticNames() {
    Map<String, Object> s = exporter(CoralogixMapping.WORKLOAD).settings();

    assertThat(s)
        .containsEntry("application_name", "otel-stack-prod")
        .containsEntry("subsystem_name", "logs")
        .containsEntry(
            "application_name_attributes", List.of("k8s.namespace.name", "service.namespace"))
        .containsEntry(
            "subsystem_name_attributes",
            List.of(
                "k8s.deployment.name",
                "k8s.statefulset.name",
                "k8s.daemonset.name",
                "service.name"));
  }

  @Test
  void staticMappingSetsNoAttributes() {
    assertThat(exporter(null).settings())
        .doesNotContainKeys("application_name_attributes", "subsystem_name_attributes");
  }

  @Test
  void theSelfMetricsCarryNoDefaultApplicationAttribute() {
    assertThat(SelfMetricsReceiver.RESOURCE_ATTRIBUTES)
        .doesNotContainAnyElementsOf(CoralogixMapping.WORKLOAD.applicationAttributes());
    assertThat(new SelfMetricsReceiver("otel-logs").telemetryResource().keySet())
        .isSubsetOf(SelfMetricsReceiver.RESOURCE_ATTRIBUTES);
  }

  @Test
  void failsWhenTheApplicationComesFromAnAttributeTheSelfMetricsCarry() {
    assertThatThrownBy(() -> new CoralogixMapping(List.of("service.name"), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "coralogix.mapping.applicationAttributes entry (service.name) is carried by the"
                + " collectors' own metrics, which must stay in the static application where the"
                + " alerts select them; use attributes such as k8s.namespace.name or"
                + " service.namespace");
  }

  @Test
  void failsWhenAnAttributeIsNotAnAttributeName() {
    assertThatThrownBy(() -> new CoralogixMapping(List.of(), List.of("K8s Deployment")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "coralogix.mapping.subsystemAttributes entry (K8s Deployment) must be a resource"
                + " attribute name such as k8s.namespace.name");
  }
}
