package io.otelstack.constructs.scaling;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Tokens;
import io.soabase.recordbuilder.core.RecordBuilder;

/**
 * Props of a {@link StackHpa}, named like the {@code hpa:} section of the environment files.
 *
 * @param target the collector to scale; required
 * @param minReplicas fewest replicas, a whole number or a Terraform number token ({@code
 *     Token.asNumber}). Default: 2 replicas.
 * @param maxReplicas most replicas, a whole number or a Terraform number token. Default: 6
 *     replicas.
 * @param targetCpuUtilizationPercent average CPU use, in percent of the request, the autoscaler
 *     aims for. Default: 70 percent.
 * @param targetMemoryUtilizationPercent average memory use, in percent of the request, the
 *     autoscaler aims for. Default: 50 percent: with the request at the limit, below the memory
 *     limiter's default soft limit (55% of the limit), so replicas are added before data is
 *     refused, and well above an idle collector (measured in docs/operations.md).
 * @param scaleDownStabilizationWindowSeconds how long load must stay low before replicas are
 *     removed. Default: 600 seconds.
 * @param scaleDownPercent most replicas removed per period, in percent. Default: 25 percent.
 * @param scaleDownPeriodSeconds period of the scale-down policy. Default: 60 seconds.
 * @param scaleUpStabilizationWindowSeconds how long load must stay high before replicas are added.
 *     Default: 0 seconds (at once).
 * @param scaleUpPercent most replicas added per period, in percent. Default: 100 percent.
 * @param scaleUpPeriodSeconds period of the scale-up policy. Default: 15 seconds.
 */
@RecordBuilder
public record StackHpaProps(
    ScalableCollector target,
    Number minReplicas,
    Number maxReplicas,
    Integer targetCpuUtilizationPercent,
    Integer targetMemoryUtilizationPercent,
    Integer scaleDownStabilizationWindowSeconds,
    Integer scaleDownPercent,
    Integer scaleDownPeriodSeconds,
    Integer scaleUpStabilizationWindowSeconds,
    Integer scaleUpPercent,
    Integer scaleUpPeriodSeconds) {
  /** Prefixes the prop names in messages. */
  private static final String P = "StackHpaProps.";

  private static final Checks CHECK = new Checks(ValidationException::new);

  /** The Kubernetes API's bound on a stabilization window. */
  private static final int MAX_WINDOW_SECONDS = 3600;

  /** The Kubernetes API's bound on a scaling policy period. */
  private static final int MAX_PERIOD_SECONDS = 1800;

  /** Requires the target, applies the defaults and checks every bound. */
  public StackHpaProps {
    if (target == null) {
      throw new ValidationException(
          P + "target is required: pass the MetricsTracesStatefulSet the autoscaler scales");
    }
    minReplicas = minReplicas == null ? 2 : CHECK.wholeNumber(P + "minReplicas", minReplicas);
    maxReplicas = maxReplicas == null ? 6 : CHECK.wholeNumber(P + "maxReplicas", maxReplicas);
    targetCpuUtilizationPercent = orDefault(targetCpuUtilizationPercent, 70);
    targetMemoryUtilizationPercent = orDefault(targetMemoryUtilizationPercent, 50);
    scaleDownStabilizationWindowSeconds = orDefault(scaleDownStabilizationWindowSeconds, 600);
    scaleDownPercent = orDefault(scaleDownPercent, 25);
    scaleDownPeriodSeconds = orDefault(scaleDownPeriodSeconds, 60);
    scaleUpStabilizationWindowSeconds = orDefault(scaleUpStabilizationWindowSeconds, 0);
    scaleUpPercent = orDefault(scaleUpPercent, 100);
    scaleUpPeriodSeconds = orDefault(scaleUpPeriodSeconds, 15);

    // A hard floor, not a warning: with no collector running, the Target Allocator has no one to
    // hand scrape targets to (every scrape is missed) and the OTLP Service has no endpoint (every
    // span is refused). One replica is the least that keeps both working.
    boolean literalMin = !Tokens.isToken(minReplicas);
    if (literalMin && minReplicas.intValue() < 1) {
      throw new ValidationException(
          P
              + "minReplicas ("
              + minReplicas
              + ") must be >= 1: with no collector the Target Allocator has no one to assign"
              + " scrape targets to and the OTLP Service has no endpoint");
    }
    if (literalMin
        && !Tokens.isToken(maxReplicas)
        && minReplicas.intValue() > maxReplicas.intValue()) {
      throw new ValidationException(
          P
              + "minReplicas ("
              + minReplicas
              + ") must be <= "
              + P
              + "maxReplicas ("
              + maxReplicas
              + "); raise maxReplicas or lower minReplicas");
    }
    percent(P + "targetCpuUtilizationPercent", targetCpuUtilizationPercent);
    percent(P + "targetMemoryUtilizationPercent", targetMemoryUtilizationPercent);
    window(P + "scaleDownStabilizationWindowSeconds", scaleDownStabilizationWindowSeconds);
    window(P + "scaleUpStabilizationWindowSeconds", scaleUpStabilizationWindowSeconds);
    positive(P + "scaleDownPercent", scaleDownPercent);
    positive(P + "scaleUpPercent", scaleUpPercent);
    period(P + "scaleDownPeriodSeconds", scaleDownPeriodSeconds);
    period(P + "scaleUpPeriodSeconds", scaleUpPeriodSeconds);
  }

  /** Starts a builder; only {@code target} is required. */
  public static StackHpaPropsBuilder builder() {
    return StackHpaPropsBuilder.builder();
  }

  private static Integer orDefault(Integer value, int fallback) {
    return value == null ? fallback : value;
  }

  private static void percent(String prop, int value) {
    if (value < 1 || value > 100) {
      throw new ValidationException(prop + " (" + value + ") must be in 1..100");
    }
  }

  private static void window(String prop, int value) {
    if (value < 0 || value > MAX_WINDOW_SECONDS) {
      throw new ValidationException(
          prop + " (" + value + ") must be in 0.." + MAX_WINDOW_SECONDS + ", the API's bound");
    }
  }

  private static void positive(String prop, int value) {
    if (value < 1) {
      throw new ValidationException(prop + " (" + value + ") must be >= 1");
    }
  }

  private static void period(String prop, int value) {
    if (value < 1 || value > MAX_PERIOD_SECONDS) {
      throw new ValidationException(
          prop + " (" + value + ") must be in 1.." + MAX_PERIOD_SECONDS + ", the API's bound");
    }
  }
}
