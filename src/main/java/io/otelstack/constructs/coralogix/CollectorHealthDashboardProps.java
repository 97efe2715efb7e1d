package io.otelstack.constructs.coralogix;

import java.util.Objects;

/**
 * Props of {@link CollectorHealthDashboard}.
 *
 * @param environment the environment's name, in the dashboard's name
 * @param applicationName the environment's Coralogix application name; every query selects it
 */
public record CollectorHealthDashboardProps(String environment, String applicationName) {
  /** Requires both. */
  public CollectorHealthDashboardProps {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(applicationName, "applicationName");
  }
}
