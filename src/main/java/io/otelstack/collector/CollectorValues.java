package io.otelstack.collector;

import io.otelstack.internal.HelmValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Helm values every collector release shares, whatever its mode.
 *
 * <p>The collector configuration is rendered as an overlay on the chart's default {@code config},
 * so the chart's jaeger, zipkin, debug and batch defaults are removed rather than merged in: the
 * configuration that runs is exactly the one built in Java.
 */
public final class CollectorValues {
  /** UID/GID of the collector user in the upstream images. */
  public static final int COLLECTOR_UID = 10001;

  private CollectorValues() {}

  /**
   * The shared values: mode, image, configuration, the key's environment variable from the
   * Kubernetes Secret, resources, restricted security contexts, and no jaeger/zipkin ports.
   *
   * @param mode chart mode: {@code daemonset}, {@code deployment} or {@code statefulset}
   * @param keySecretName the Kubernetes Secret holding the Coralogix key
   * @param keySecretKey the key inside that Secret
   * @param privateKeyEnv the environment variable the configuration reads the key from
   */
  public static Map<String, Object> common(
      String mode,
      CollectorImage image,
      CollectorConfig config,
      ContainerResources resources,
      String keySecretName,
      String keySecretKey,
      String privateKeyEnv,
      int terminationGracePeriodSeconds) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("mode", mode);
    v.put("image", Map.of("repository", image.repository(), "tag", image.tag()));
    v.put("command", Map.of("name", image.command()));
    Map<String, Object> chartConfig = asMap(CollectorChart.COLLECTOR.defaultValues().get("config"));
    v.put("config", HelmValues.overlay(chartConfig, config.toMap()));
    v.put(
        "extraEnvs",
        List.of(
            Map.of(
                "name",
                privateKeyEnv,
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", keySecretName, "key", keySecretKey)))));
    v.put("resources", resources.toValues());
    // The chart derives GOMEMLIMIT (80% of the memory limit) so the Go GC works harder before
    // memory_limiter has to refuse data.
    v.put("useGOMEMLIMIT", true);
    v.put("terminationGracePeriodSeconds", terminationGracePeriodSeconds);
    v.put(
        "podSecurityContext",
        Map.of(
            "runAsNonRoot", true,
            "runAsUser", COLLECTOR_UID,
            "runAsGroup", COLLECTOR_UID,
            "fsGroup", COLLECTOR_UID,
            "seccompProfile", Map.of("type", "RuntimeDefault")));
    v.put(
        "securityContext",
        Map.of(
            "allowPrivilegeEscalation", false,
            "readOnlyRootFilesystem", true,
            "capabilities", Map.of("drop", List.of("ALL"))));
    Map<String, Object> ports = new LinkedHashMap<>();
    for (String unused : List.of("jaeger-compact", "jaeger-thrift", "jaeger-grpc", "zipkin")) {
      ports.put(unused, Map.of("enabled", false));
    }
    v.put("ports", ports);
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object o) {
    return (Map<String, Object>) o;
  }
}
