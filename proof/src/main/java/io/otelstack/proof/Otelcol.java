package io.otelstack.proof;

import io.otelstack.collector.CollectorChart;
import io.otelstack.internal.HelmValues;
import io.otelstack.internal.Yaml;
import io.otelstack.testing.ExternalTools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs the project's collector distribution on configurations the stacks generate. */
final class Otelcol {
  // ${env:NAME} references, and k8s_attributes' node_from_env_var, which names a variable the
  // processor reads itself and which validate requires to be set.
  private static final Pattern ENV_REF =
      Pattern.compile("(?:\\$\\{env:|node_from_env_var: \"?)([A-Za-z_][A-Za-z0-9_]*)");

  private Otelcol() {}

  /**
   * The configuration the collector really runs: the chart's default {@code config} merged with the
   * release's, the way Helm merges values.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> effectiveConfig(Map<String, Object> releaseValues) {
    Map<String, Object> defaults =
        (Map<String, Object>) CollectorChart.COLLECTOR.defaultValues().get("config");
    return HelmValues.merge(
        defaults, (Map<String, Object>) releaseValues.getOrDefault("config", Map.of()));
  }

  /**
   * {@code otelcol validate} on a configuration. Every {@code ${env:NAME}} it references is given a
   * harmless value, as the pod spec would give a real one: addresses get 127.0.0.1, the rest a
   * placeholder word.
   */
  static ExternalTools.Result validate(Map<String, Object> config) {
    try {
      Path file = Files.createTempFile("otelcol-config", ".yaml");
      Path hostRoot = Files.createTempDirectory("otelcol-hostfs");
      String text = Yaml.render(withoutPodFiles(config, hostRoot));
      Files.writeString(file, text);
      ExternalTools.Result r =
          ExternalTools.run(
              ExternalTools.projectDir(),
              placeholderEnvironment(text),
              30,
              CollectorCommand.binary().toString(),
              "validate",
              "--config",
              file.toString());
      Files.delete(file);
      Files.delete(hostRoot);
      return r;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The configuration without what only a pod has, which validate reads: {@code host_metrics}'
   * {@code root_path} (the host's root the agent pod mounts) becomes an existing directory, and
   * {@code kubelet_stats}' {@code auth_type} {@code serviceAccount} (whose CA validate reads from
   * the pod's fixed service-account path) becomes {@code none}.
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutPodFiles(Map<String, Object> config, Path hostRoot) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    if (copy.get("receivers") instanceof Map<?, ?> receivers) {
      receivers.forEach(
          (id, body) -> {
            Map<String, Object> r = (Map<String, Object>) body;
            if (String.valueOf(id).startsWith("host_metrics")) {
              r.put("root_path", hostRoot.toString());
            } else if (String.valueOf(id).startsWith("kubelet_stats")) {
              r.put("auth_type", "none");
            }
          });
    }
    return copy;
  }

  /** Harmless values for every environment variable a configuration text references. */
  static Map<String, String> placeholderEnvironment(String configText) {
    Map<String, String> env = new TreeMap<>();
    Matcher m = ENV_REF.matcher(configText);
    while (m.find()) {
      String name = m.group(1);
      env.put(name, name.endsWith("_IP") ? "127.0.0.1" : "conformance-" + name.toLowerCase());
    }
    return new LinkedHashMap<>(env);
  }
}
