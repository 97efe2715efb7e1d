package io.otelstack.constructs.coralogix;

import java.util.Objects;

/**
 * How one collector-health alert is tuned: its priority, its window and its threshold.
 *
 * @param priority priority of the notifications
 * @param minutes how long the condition holds before the alert fires; one of {@link
 *     MetricAlertProps#WINDOWS}
 * @param threshold the threshold in the alert's unit; ignored by alerts that fire on any occurrence
 *     or take their bound from elsewhere (0 there)
 */
public record AlertTuning(AlertPriority priority, int minutes, double threshold) {
  /** Requires the priority. */
  public AlertTuning {
    Objects.requireNonNull(priority, "priority");
  }

  /** A tuning without a threshold of its own. */
  public static AlertTuning of(AlertPriority priority, int minutes) {
    return new AlertTuning(priority, minutes, 0);
  }
}
