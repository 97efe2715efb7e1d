package io.otelstack.constructs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ClusterCollectorStatefulSetTest {
  private static ClusterCollectorStatefulSet collector(
      UnaryOperator<ClusterCollectorStatefulSetPropsBuilder> change) {
    TerraformStack stack = Synth.stack();
    CoralogixKubernetesSecret secret = Fixtures.secret(stack, "observability", "Coralogix");
    return new ClusterCollectorStatefulSet(
        stack,
        "ClusterCollector",
        change
            .apply(
                ClusterCollectorStatefulSetProps.builder()
                    .namespace(secret.namespace())
                    .coralogixSecret(secret)
                    .coralogixDomain("eu2.coralogix.com")
                    .coralogixApplicationName("otel-stack")
                    .clusterName("otel-stack-prod"))
            .build());
  }

  private static Map<String, Object> config(ClusterCollectorStatefulSet c) {
    return map(UpstreamCharts.effective(CollectorChart.COLLECTOR, c.values()).get("config"));
  }

  @Test
  void runsOneReplicaOfAStatefulSetWithItsQueueOnAVolume() {
    Map<String, Object> v = collector(b -> b).values();

    assertThat(v).containsEntry("mode", "statefulset").containsEntry("replicaCount", 1);
    assertThat(list(map(v.get("statefulset")).get("volumeClaimTemplates"))).hasSize(1);
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, v)).isEmpty();
  }

  @Test
  void readsClusterStateAndEventsIntoTheirOwnPipelines() {
    Map<String, Object> pipelines =
        map(map(config(collector(b -> b)).get("service")).get("pipelines"));

    assertThat(pipelines).containsOnlyKeys("metrics", "logs", "metrics/self");
    assertThat(map(pipelines.get("metrics")))
        .containsEntry("receivers", List.of("k8s_cluster"))
        .containsEntry(
            "processors", List.of("memory_limiter", "resource_detection/cluster", "filter/cluster"))
        .containsEntry("exporters", List.of("coralogix/metrics"));
    assertThat(map(pipelines.get("logs")))
        .containsEntry("receivers", List.of("k8s_objects"))
        .containsEntry("exporters", List.of("coralogix/events"));
  }

  @Test
  void watchesEventsWithoutTheirDeletions() {
    Map<String, Object> objects =
        map(
            list(map(map(config(collector(b -> b)).get("receivers")).get("k8s_objects"))
                    .get("objects"))
                .get(0));

    assertThat(objects)
        .containsEntry("group", "events.k8s.io")
        .containsEntry("mode", "watch")
        .containsEntry("exclude_watch_type", List.of("DELETED"));
  }

  @Test
  void grantsListAndWatchOnlyOnWhatTheReceiversWatch() {
    List<Object> rules = list(map(collector(b -> b).values().get("clusterRole")).get("rules"));

    assertThat(rules.toString())
        .doesNotContain("get,")
        .doesNotContain("secrets")
        .doesNotContain("configmaps");
    assertThat(rules)
        .contains(
            Map.of(
                "apiGroups", List.of("events.k8s.io"),
                "resources", List.of("events"),
                "verbs", List.of("list", "watch")));
  }

  @Test
  void leavesOutTheReadsOfAReceiverThatIsOff() {
    ClusterCollectorStatefulSet c = collector(b -> b.kubernetesEvents(false));

    assertThat(map(map(config(c).get("service")).get("pipelines"))).doesNotContainKey("logs");
    assertThat(c.values().get("clusterRole").toString()).doesNotContain("events.k8s.io");
  }

  @Test
  void receivesNothing() {
    Map<String, Object> v = collector(b -> b).values();

    assertThat(v.get("service")).isEqualTo(Map.of("enabled", false));
    assertThat(map(map(v.get("ports")).get("otlp"))).containsEntry("enabled", false);
  }

  @Test
  void failsWhenItWouldReadNothing() {
    assertThatThrownBy(() -> collector(b -> b.clusterMetrics(false).kubernetesEvents(false)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterCollectorStatefulSetProps.clusterMetrics and"
                + " ClusterCollectorStatefulSetProps.kubernetesEvents are both false, so the cluster"
                + " collector would have nothing to read; leave it out instead");
  }

  @Test
  void failsWhenTheVolumeCannotHoldBothQueues() {
    assertThatThrownBy(() -> collector(b -> b.queuePvcSizeGi(4)))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "ClusterCollectorStatefulSetProps.queuePvcSizeGi (4) must hold 2 full queues of"
                + " ClusterCollectorStatefulSetProps.queueSizeBatches (5000) x"
                + " ClusterCollectorStatefulSetProps.queueMaxBatchSizeKi (512), i.e. at least 5;"
                + " raise pvcSizeGi or lower sizeBatches");
  }

  private static Map<String, Object> map(Object o) {
    return cast(o);
  }

  private static List<Object> list(Object o) {
    return cast(o);
  }

  @SuppressWarnings("unchecked")
  private static <T> T cast(Object o) {
    return (T) o;
  }
}
