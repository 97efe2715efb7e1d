package io.otelstack.constructs.coralogix;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;

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
  private static final Checks CHECK = new Checks(ValidationException::new);

  /** Requires the priority. */
  public AlertTuning {
    CHECK.required("AlertTuning.priority", priority);
  }

  /** A tuning without a threshold of its own. */
  public static AlertTuning of(AlertPriority priority, int minutes) {
    return new AlertTuning(priority, minutes, 0);
  }
}
