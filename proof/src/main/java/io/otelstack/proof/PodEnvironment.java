package io.otelstack.proof;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables a collector pod gets in Kubernetes, with local values: what the chart
 * always sets ({@code MY_POD_IP}, {@code OTEL_K8S_*}, {@code GOMEMLIMIT}) and every {@code
 * extraEnvs} entry of the release values, its {@code fieldRef} resolved locally and its {@code
 * secretKeyRef} replaced by a placeholder (the sink accepts any key; no real key is ever used).
 */
final class PodEnvironment {
  /** Variables that carry the pod name; set per replica. */
  static final List<String> POD_NAME_VARIABLES =
      List.of("POD_NAME", "MY_POD_NAME", "OTEL_K8S_POD_NAME");

  /** What a secretKeyRef resolves to locally. */
  static final String PLACEHOLDER_KEY = "proof-placeholder-not-a-key";

  /** The node every local pod runs on: this machine. */
  static final String NODE = "proof-node";

  private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Ki|Mi|Gi|K|M|G)?");

  private PodEnvironment() {}

  /** The environment for the pods of a release with these values. */
  @SuppressWarnings("unchecked")
  static Map<String, String> of(Map<String, Object> values) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("MY_POD_IP", Loopback.HOST);
    env.put("OTEL_K8S_POD_IP", Loopback.HOST);
    env.put("OTEL_K8S_NODE_IP", Loopback.HOST);
    env.put("OTEL_K8S_NODE_NAME", NODE);
    env.put("OTEL_K8S_NAMESPACE", "observability");
    gomemlimit(values).ifPresent(v -> env.put("GOMEMLIMIT", v));
    if (values.get("extraEnvs") instanceof List<?> extra) {
      for (Object o : extra) {
        Map<String, Object> e = (Map<String, Object>) o;
        env.put((String) e.get("name"), resolve(e));
      }
    }
    return env;
  }

  @SuppressWarnings("unchecked")
  private static String resolve(Map<String, Object> envVar) {
    if (envVar.get("value") != null) {
      return envVar.get("value").toString();
    }
    Map<String, Object> from = (Map<String, Object>) envVar.getOrDefault("valueFrom", Map.of());
    if (from.containsKey("secretKeyRef")) {
      return PLACEHOLDER_KEY;
    }
    if (from.get("fieldRef") instanceof Map<?, ?> ref) {
      return switch (String.valueOf(ref.get("fieldPath"))) {
        case "spec.nodeName" -> NODE;
        case "status.podIP", "status.hostIP" -> Loopback.HOST;
        case "metadata.namespace" -> "observability";
        default -> "proof";
      };
    }
    return "";
  }

  /** The chart's {@code useGOMEMLIMIT}: 80% of the memory limit, in bytes. */
  @SuppressWarnings("unchecked")
  private static java.util.Optional<String> gomemlimit(Map<String, Object> values) {
    if (!Boolean.TRUE.equals(values.get("useGOMEMLIMIT"))
        || !(values.get("resources") instanceof Map<?, ?> r)
        || !(((Map<String, Object>) r).get("limits") instanceof Map<?, ?> limits)
        || limits.get("memory") == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(Long.toString(bytes(limits.get("memory").toString()) * 8 / 10));
  }

  /** A Kubernetes memory quantity such as {@code 512Mi} or {@code 2Gi}, in bytes. */
  static long bytes(String quantity) {
    Matcher m = QUANTITY.matcher(quantity);
    if (!m.matches()) {
      throw new AssertionError("not a memory quantity: " + quantity);
    }
    long unit =
        switch (m.group(2) == null ? "" : m.group(2)) {
          case "Ki" -> 1L << 10;
          case "Mi" -> 1L << 20;
          case "Gi" -> 1L << 30;
          case "K" -> 1_000L;
          case "M" -> 1_000_000L;
          case "G" -> 1_000_000_000L;
          default -> 1L;
        };
    return Long.parseLong(m.group(1)) * unit;
  }
}
