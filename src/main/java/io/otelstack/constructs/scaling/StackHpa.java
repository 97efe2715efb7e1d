package io.otelstack.constructs.scaling;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A HorizontalPodAutoscaler (autoscaling/v2) for a {@link ScalableCollector}, scaling on CPU and
 * memory utilisation. It scales up at once, by up to 100% every 15 s, and down cautiously, by up to
 * 25% a minute after ten quiet minutes: adding a replica reshuffles trace routing and scrape
 * targets, so flapping costs more than a few minutes of spare capacity.
 *
 * <p>It is rendered through the collector chart's {@code autoscaling} values, not as a separate
 * {@code kubernetes_horizontal_pod_autoscaler_v2}. The chart sets {@code replicas} on the
 * StatefulSet unless {@code autoscaling.enabled}; a separate HPA would therefore fight Helm, which
 * would put the replica count back to the chart's on every upgrade. The collector renders its
 * values at synthesis, so this construct, created after it, still shapes them through {@link
 * ScalableCollector#scaleWith}.
 *
 * <p>It creates no Terraform resource of its own: the HPA is part of the collector's Helm release.
 */
public class StackHpa extends Construct {
  private final StackHpaProps props;

  /** Hands the target's replica count to this autoscaler. */
  public StackHpa(Construct scope, String id, StackHpaProps props) {
    super(scope, id);
    if (props == null) {
      throw new ValidationException(getNode().getPath() + ": props (StackHpaProps) is required");
    }
    if (props.target().autoscaler().isPresent()) {
      throw new ValidationException(
          getNode().getPath()
              + ": StackHpaProps.target "
              + props.target().getNode().getPath()
              + " is already scaled by "
              + props.target().autoscaler().get().getNode().getPath()
              + "; give each collector one StackHpa");
    }
    this.props = props;
    props.target().scaleWith(this);
  }

  /** The collector this autoscaler scales. */
  public ScalableCollector target() {
    return props.target();
  }

  /** Fewest replicas: a whole number, or the token it was given. */
  public Number minReplicas() {
    return props.minReplicas();
  }

  /** Most replicas: a whole number, or the token it was given. */
  public Number maxReplicas() {
    return props.maxReplicas();
  }

  /** Target average CPU utilisation, in percent of the request. */
  public int targetCpuUtilizationPercent() {
    return props.targetCpuUtilizationPercent();
  }

  /** Target average memory utilisation, in percent of the request. */
  public int targetMemoryUtilizationPercent() {
    return props.targetMemoryUtilizationPercent();
  }

  /** The chart's {@code autoscaling} block: bounds, targets and scaling behaviour. */
  public Map<String, Object> values() {
    Map<String, Object> behavior = new LinkedHashMap<>();
    behavior.put(
        "scaleDown",
        rule(
            props.scaleDownStabilizationWindowSeconds(),
            props.scaleDownPercent(),
            props.scaleDownPeriodSeconds()));
    behavior.put(
        "scaleUp",
        rule(
            props.scaleUpStabilizationWindowSeconds(),
            props.scaleUpPercent(),
            props.scaleUpPeriodSeconds()));
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("enabled", true);
    v.put("minReplicas", props.minReplicas());
    v.put("maxReplicas", props.maxReplicas());
    v.put("targetCPUUtilizationPercentage", props.targetCpuUtilizationPercent());
    v.put("targetMemoryUtilizationPercentage", props.targetMemoryUtilizationPercent());
    v.put("behavior", behavior);
    return v;
  }

  private static Map<String, Object> rule(int windowSeconds, int percent, int periodSeconds) {
    Map<String, Object> policy = new LinkedHashMap<>();
    policy.put("type", "Percent");
    policy.put("value", percent);
    policy.put("periodSeconds", periodSeconds);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("stabilizationWindowSeconds", windowSeconds);
    r.put("policies", List.of(policy));
    return r;
  }
}
