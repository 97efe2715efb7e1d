package io.otelstack.collector;

import io.otelstack.ValidationException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code otlp} receiver listening on the pod IP.
 *
 * <p>Binding to {@code ${env:MY_POD_IP}} (set by the chart) rather than {@code 0.0.0.0} keeps the
 * receiver off loopback-only and host interfaces it was never meant to serve.
 *
 * @param name instance name, e.g. {@code sampling}; empty for the unnamed instance
 * @param grpcPort gRPC port, e.g. 4317
 * @param httpPort HTTP port, e.g. 4318; 0 for no HTTP protocol
 */
public record OtlpReceiver(String name, int grpcPort, int httpPort) implements Component {
  /** The OTLP/gRPC port applications send to. */
  public static final int GRPC_PORT = 4317;

  /** The OTLP/HTTP port applications send to. */
  public static final int HTTP_PORT = 4318;

  /** Requires a valid gRPC port and, when set, a distinct valid HTTP port. */
  public OtlpReceiver {
    name = name == null ? "" : name;
    String prop = ComponentType.OTLP.id(name).toString();
    if (grpcPort < 1 || grpcPort > 65535) {
      throw new ValidationException(prop + ".grpcPort (" + grpcPort + ") must be in 1..65535");
    }
    if (httpPort < 0 || httpPort > 65535 || httpPort == grpcPort) {
      throw new ValidationException(
          prop
              + ".httpPort ("
              + httpPort
              + ") must be 0 (no HTTP) or a port in 1..65535 other than grpcPort ("
              + grpcPort
              + ")");
    }
  }

  /** The application-facing receiver: OTLP/gRPC on 4317 and OTLP/HTTP on 4318. */
  public static OtlpReceiver standard() {
    return new OtlpReceiver("", GRPC_PORT, HTTP_PORT);
  }

  @Override
  public ComponentType type() {
    return ComponentType.OTLP;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> protocols = new LinkedHashMap<>();
    protocols.put("grpc", Map.of("endpoint", "${env:MY_POD_IP}:" + grpcPort));
    if (httpPort != 0) {
      protocols.put("http", Map.of("endpoint", "${env:MY_POD_IP}:" + httpPort));
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("protocols", protocols);
    return s;
  }
}
