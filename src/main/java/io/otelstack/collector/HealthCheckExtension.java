package io.otelstack.collector;

import java.util.Map;

/**
 * The {@code health_check} extension on port 13133 of the pod IP: the endpoint the chart's liveness
 * and readiness probes call. Every collector must start it, or its pods never become ready.
 */
public record HealthCheckExtension() implements Component {
  /** The component type. */
  public static final String TYPE = "health_check";

  /** The port the chart's probes call. */
  public static final int PORT = 13133;

  @Override
  public Kind kind() {
    return Kind.EXTENSION;
  }

  @Override
  public ComponentId id() {
    return ComponentId.of(TYPE);
  }

  @Override
  public Map<String, Object> settings() {
    return Map.of("endpoint", "${env:MY_POD_IP}:" + PORT);
  }
}
