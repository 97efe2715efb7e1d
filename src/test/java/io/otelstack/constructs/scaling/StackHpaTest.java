package io.otelstack.constructs.scaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.constructs.metrics.Fixtures;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackHpaTest {

  private static StackHpaPropsBuilder props() {
    return StackHpaProps.builder().target(Fixtures.collector(Synth.stack()));
  }

  /** The prod environment's hpa section. */
  private static StackHpaPropsBuilder prodLike(MetricsTracesStatefulSet target) {
    return StackHpaProps.builder()
        .target(target)
        .minReplicas(3)
        .maxReplicas(12)
        .targetCpuUtilizationPercent(70)
        .targetMemoryUtilizationPercent(50)
        .scaleDownStabilizationWindowSeconds(600)
        .scaleDownPercent(25)
        .scaleDownPeriodSeconds(60)
        .scaleUpStabilizationWindowSeconds(0)
        .scaleUpPercent(100)
        .scaleUpPeriodSeconds(15);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @Test
  void scalesDownSlowlyAndUpAtOnceForProdLikeProps() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new StackHpa(stack, "Hpa", prodLike(c).build());
    assertThat(map(c.values().get("autoscaling")).get("behavior"))
        .isEqualTo(
            Map.of(
                "scaleDown",
                Map.of(
                    "stabilizationWindowSeconds",
                    600,
                    "policies",
                    List.of(Map.of("type", "Percent", "value", 25, "periodSeconds", 60))),
                "scaleUp",
                Map.of(
                    "stabilizationWindowSeconds",
                    0,
                    "policies",
                    List.of(Map.of("type", "Percent", "value", 100, "periodSeconds", 15)))));
  }

  @Test
  void rendersBoundsAndUtilisationTargetsThroughTheChart() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new StackHpa(stack, "Hpa", prodLike(c).build());
    assertThat(map(c.values().get("autoscaling")))
        .containsEntry("enabled", true)
        .containsEntry("minReplicas", 3)
        .containsEntry("maxReplicas", 12)
        .containsEntry("targetCPUUtilizationPercentage", 70)
        .containsEntry("targetMemoryUtilizationPercentage", 50);
  }

  @Test
  void usesTheSharedDefaultsWhenOnlyTheTargetIsGiven() {
    StackHpaProps p = props().build();
    assertThat(
            List.of(
                p.minReplicas(),
                p.maxReplicas(),
                p.targetCpuUtilizationPercent(),
                p.targetMemoryUtilizationPercent(),
                p.scaleDownStabilizationWindowSeconds(),
                p.scaleDownPercent(),
                p.scaleDownPeriodSeconds(),
                p.scaleUpStabilizationWindowSeconds(),
                p.scaleUpPercent(),
                p.scaleUpPeriodSeconds()))
        .containsExactly(2, 6, 70, 50, 600, 25, 60, 0, 100, 15);
  }

  @Test
  void reachesTheSynthesizedReleaseThoughCreatedAfterTheCollector() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new StackHpa(stack, "Hpa", prodLike(c).build());
    JsonNode release = Synth.onlyResource(Synth.json(stack), "helm_release");
    assertThat(map(UpstreamCharts.releaseValues(release).get("autoscaling")))
        .containsEntry("enabled", true)
        .containsEntry("maxReplicas", 12);
  }

  @Test
  void leavesTheReplicaCountToTheChartWithoutAnAutoscaler() {
    assertThat(Fixtures.collector(Synth.stack()).values()).doesNotContainKey("autoscaling");
  }

  @Test
  void autoscaledValuesPassTheUpstreamCollectorSchema() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new StackHpa(stack, "Hpa", prodLike(c).build());
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, c.values())).isEmpty();
  }

  @Test
  void exposesItsResolvedBounds() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    StackHpa hpa = new StackHpa(stack, "Hpa", prodLike(c).build());
    assertThat(List.of(hpa.minReplicas(), hpa.maxReplicas())).containsExactly(3, 12);
    assertThat(hpa.target()).isSameAs(c);
    assertThat(c.autoscaler()).containsSame(hpa);
  }

  @Test
  void failsWhenTheCollectorIsAlreadyAutoscaled() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new StackHpa(stack, "Hpa", prodLike(c).build());
    assertThatThrownBy(() -> new StackHpa(stack, "Again", prodLike(c).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Again: StackHpaProps.target test/MetricsTraces is already scaled by test/Hpa; give each"
                + " collector one StackHpa");
  }

  @Test
  void failsWhenTheMemoryTargetSitsAboveTheMemoryLimitersSoftLimit() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    assertThatThrownBy(
            () ->
                new StackHpa(stack, "Hpa", prodLike(c).targetMemoryUtilizationPercent(75).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Hpa: StackHpaProps.targetMemoryUtilizationPercent (75) of MetricsTracesStatefulSetProps.resources.memoryRequest (1Gi)"
                + " scales out at 768Mi, not below the memory limiter's soft limit 563Mi (55% of"
                + " MetricsTracesStatefulSetProps.resources.memoryLimit 1Gi), so data would be refused before replicas are added;"
                + " lower the target or the request");
  }

  @Test
  void failsWhenTheTargetIsMissing() {
    assertThatThrownBy(() -> StackHpaProps.builder().build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.target is required: pass the MetricsTracesStatefulSet the autoscaler scales");
  }

  @Test
  void failsWhenMinReplicasExceedsMax() {
    assertThatThrownBy(() -> props().minReplicas(5).maxReplicas(3).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.minReplicas (5) must be <= StackHpaProps.maxReplicas (3); raise maxReplicas or lower"
                + " minReplicas");
  }

  @Test
  void failsWhenMinReplicasWouldLeaveTheTargetAllocatorWithoutCollectors() {
    assertThatThrownBy(() -> props().minReplicas(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.minReplicas (0) must be >= 1: with no collector the Target Allocator has no one"
                + " to assign scrape targets to and the OTLP Service has no endpoint");
  }

  @Test
  void failsWhenTheCpuTargetIsOutOfRange() {
    assertThatThrownBy(() -> props().targetCpuUtilizationPercent(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.targetCpuUtilizationPercent (0) must be in 1..100");
  }

  @Test
  void failsWhenTheMemoryTargetIsOutOfRange() {
    assertThatThrownBy(() -> props().targetMemoryUtilizationPercent(150).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.targetMemoryUtilizationPercent (150) must be in 1..100");
  }

  @Test
  void failsWhenAStabilizationWindowExceedsTheApiBound() {
    assertThatThrownBy(() -> props().scaleDownStabilizationWindowSeconds(3601).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.scaleDownStabilizationWindowSeconds (3601) must be in 0..3600, the API's bound");
  }

  @Test
  void failsWhenAStabilizationWindowIsNegative() {
    assertThatThrownBy(() -> props().scaleUpStabilizationWindowSeconds(-1).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.scaleUpStabilizationWindowSeconds (-1) must be in 0..3600, the API's bound");
  }

  @Test
  void failsWhenAScalingPercentIsZero() {
    assertThatThrownBy(() -> props().scaleDownPercent(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.scaleDownPercent (0) must be >= 1");
  }

  @Test
  void failsWhenTheScaleUpPercentIsZero() {
    assertThatThrownBy(() -> props().scaleUpPercent(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.scaleUpPercent (0) must be >= 1");
  }

  @Test
  void failsWhenAPolicyPeriodExceedsTheApiBound() {
    assertThatThrownBy(() -> props().scaleUpPeriodSeconds(1801).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "StackHpaProps.scaleUpPeriodSeconds (1801) must be in 1..1800, the API's bound");
  }

  @Test
  void failsWhenAPolicyPeriodIsZero() {
    assertThatThrownBy(() -> props().scaleDownPeriodSeconds(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("StackHpaProps.scaleDownPeriodSeconds (0) must be in 1..1800, the API's bound");
  }
}
