package io.otelstack.config;

import java.util.Objects;

/**
 * One collector-health alert of the {@code <env>-coralogix} stack.
 *
 * @param priority Coralogix priority, {@code P1} (most urgent) to {@code P5}
 * @param minutes how long the condition holds before the alert fires; a window Coralogix offers
 * @param threshold the alert's threshold in its own unit (percent, items per second, ratio), or
 *     null for alerts that fire on any occurrence or on a bound taken from elsewhere
 */
public record AlertSettings(String priority, int minutes, Double threshold) {
  /** Requires the priority. */
  public AlertSettings {
    Objects.requireNonNull(priority, "priority");
  }
}
