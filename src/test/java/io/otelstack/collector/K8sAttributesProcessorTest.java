package io.otelstack.collector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.otelstack.ValidationException;
import io.otelstack.collector.K8sAttributesProcessor.PodAssociation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class K8sAttributesProcessorTest {
  private static K8sAttributesProcessor processor(List<String> metadata) {
    return new K8sAttributesProcessor(
        "", null, metadata, List.of(), List.of(PodAssociation.connection()));
  }

  @Test
  void usesTheCurrentTypeName() {
    assertThat(processor(List.of("k8s.pod.name")).id().toString()).isEqualTo("k8s_attributes");
  }

  @Test
  void watchesTheWholeClusterWithoutANodeVariable() {
    assertThat(processor(List.of("k8s.pod.name")).settings()).doesNotContainKey("filter");
  }

  @Test
  void copiesPodLabelsUnderTheirSemanticConventionNames() {
    K8sAttributesProcessor p =
        new K8sAttributesProcessor(
            "",
            "K8S_NODE_NAME",
            List.of("k8s.pod.name"),
            List.of("app.kubernetes.io/name"),
            List.of(PodAssociation.connection()));

    assertThat(p.settings().get("extract"))
        .isEqualTo(
            Map.of(
                "metadata",
                List.of("k8s.pod.name"),
                "labels",
                List.of(
                    Map.of(
                        "tag_name",
                        "k8s.pod.label.app.kubernetes.io/name",
                        "key",
                        "app.kubernetes.io/name",
                        "from",
                        "pod"))));
  }

  @Test
  void needsOnlyPodsForPodMetadata() {
    assertThat(processor(List.of("k8s.pod.name", "k8s.namespace.name")).rbacRules())
        .containsExactly(
            Map.of(
                "apiGroups", List.of(""),
                "resources", List.of("pods"),
                "verbs", List.of("get", "list", "watch")));
  }

  @Test
  void needsReplicaSetsForTheDeploymentName() {
    assertThat(processor(List.of("k8s.deployment.name")).rbacRules())
        .contains(
            Map.of(
                "apiGroups", List.of("apps"),
                "resources", List.of("replicasets"),
                "verbs", List.of("get", "list", "watch")));
  }

  @Test
  void needsNamespacesOnlyForTheClusterUid() {
    assertThat(processor(List.of("k8s.cluster.uid")).rbacRules().get(0).get("resources"))
        .isEqualTo(List.of("pods", "namespaces"));
  }

  @Test
  void failsWithoutMetadata() {
    assertThatThrownBy(() -> processor(List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage("k8s_attributes.metadata must list at least one attribute");
  }

  @Test
  void failsWithoutPodAssociations() {
    assertThatThrownBy(
            () ->
                new K8sAttributesProcessor("", null, List.of("k8s.pod.name"), List.of(), List.of()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "k8s_attributes.podAssociations must list at least one rule, e.g."
                + " PodAssociation.resourceAttributes(\"k8s.pod.uid\")");
  }

  @Test
  void failsWhenAnAssociationMixesConnectionAndAttributes() {
    assertThatThrownBy(() -> new PodAssociation(true, List.of("k8s.pod.ip")))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "k8s_attributes pod association must use either the connection or resource"
                + " attributes, got connection=true and attributes [k8s.pod.ip]");
  }

  @Test
  void failsWhenAnAssociationHasMoreThanFourSources() {
    assertThatThrownBy(() -> PodAssociation.resourceAttributes("a", "b", "c", "d", "e"))
        .isInstanceOf(ValidationException.class)
        .hasMessage("k8s_attributes pod association has 5 sources; the processor allows at most 4");
  }
}
