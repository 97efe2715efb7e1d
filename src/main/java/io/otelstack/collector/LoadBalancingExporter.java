package io.otelstack.collector;

import io.otelstack.ValidationException;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code load_balancing} exporter, routing spans by trace ID to the collector replicas behind a
 * Kubernetes Service, so that every span of a trace reaches the same replica.
 *
 * <p>The {@code k8s} resolver watches the Service's endpoints instead of polling DNS, so a replica
 * that joins or leaves changes the routing ring within a second, not after a DNS TTL.
 *
 * <p>The queue sits in front of the routing, so a retried batch is routed again against the current
 * ring: a batch meant for a replica that has gone reaches its successor instead of waiting for the
 * old one forever.
 *
 * @param name instance name, e.g. {@code sampling}
 * @param service the Service whose endpoints are the backends, as {@code name.namespace}; the
 *     namespace may be a Terraform token
 * @param port the backends' OTLP/gRPC port
 * @param timeoutSeconds per-request timeout towards a backend
 * @param queue the sending queue in front of the routing
 */
public record LoadBalancingExporter(
    String name, String service, int port, int timeoutSeconds, SendingQueue queue)
    implements Component {
  private static final Pattern SERVICE =
      Pattern.compile(Checks.DNS_LABEL + "\\." + Checks.DNS_LABEL);

  /** Requires a namespaced Service, a port, a timeout and a queue. */
  public LoadBalancingExporter {
    String prop = ComponentType.LOAD_BALANCING.id(name).toString();
    if (service == null || !Tokens.isToken(service) && !SERVICE.matcher(service).matches()) {
      throw new ValidationException(
          prop
              + ".service ("
              + service
              + ") must be <service>.<namespace>, e.g. otel.observability");
    }
    if (port < 1 || port > 65535) {
      throw new ValidationException(prop + ".port (" + port + ") must be in 1..65535");
    }
    if (timeoutSeconds <= 0) {
      throw new ValidationException(prop + ".timeoutSeconds (" + timeoutSeconds + ") must be > 0");
    }
    if (queue == null) {
      throw new ValidationException(prop + ".queue is required");
    }
  }

  @Override
  public ComponentType type() {
    return ComponentType.LOAD_BALANCING;
  }

  @Override
  public Map<String, Object> settings() {
    Map<String, Object> otlp = new LinkedHashMap<>();
    otlp.put("timeout", timeoutSeconds + "s");
    // Peer-to-peer traffic stays on the pod network inside the cluster.
    otlp.put("tls", Map.of("insecure", true));
    Map<String, Object> k8s = new LinkedHashMap<>();
    k8s.put("service", service);
    k8s.put("ports", List.of(port));
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("routing_key", "traceID");
    s.put("protocol", Map.of("otlp", otlp));
    s.put("resolver", Map.of("k8s", k8s));
    s.put("timeout", timeoutSeconds + "s");
    s.put("sending_queue", queue.settings());
    // Peers are in the cluster and come back within seconds of a restart: retry quickly, and
    // never give up, since each retry is routed afresh to a live replica.
    s.put("retry_on_failure", RetryForever.settings(1, 10));
    return s;
  }
}
