package io.otelstack.collector;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code health_check} extension the chart's liveness and readiness probes call.
 *
 * <p>The chart probes port {@value #PORT} on the pod IP, so the endpoint is fixed to match; a
 * collector without it never becomes ready.
 */
public record HealthCheckExtension() implements Component {
  /** The port the chart's probes call. */
  public static final int PORT = 13133;

  @Override
  public ComponentType type() {
    return ComponentType.HEALTH_CHECK;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("endpoint", "${env:MY_POD_IP}:" + PORT);
    return s;
  }
}
