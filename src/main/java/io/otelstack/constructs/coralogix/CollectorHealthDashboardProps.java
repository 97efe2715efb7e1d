package io.otelstack.constructs.coralogix;

import java.util.Objects;

/**
 * Props of {@link CollectorHealthDashboard}.
 *
 * @param environment the environment's name, in the dashboard's name; required
 * @param applicationName the environment's Coralogix application name; every query selects it; required
 */
public record CollectorHealthDashboardProps(String environment, String applicationName) {
  /** Requires both. */
  public CollectorHealthDashboardProps {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(applicationName, "applicationName");
  }
}
