package io.otelstack.config;

import java.util.Objects;

/**
 * The Coralogix subsystem name of each signal, which groups data within the application.
 *
 * @param logs subsystem of logs
 * @param metrics subsystem of metrics
 * @param traces subsystem of traces
 */
public record SubsystemSettings(String logs, String metrics, String traces) {
  /** Requires every part. */
  public SubsystemSettings {
    Objects.requireNonNull(logs, "logs");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(traces, "traces");
  }
}
