package io.otelstack.proof;

import io.otelstack.collector.CollectorChart;
import io.otelstack.internal.HelmValues;
import io.otelstack.internal.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The release values the project generates for one environment's collectors: the metrics/traces
 * StatefulSet, its Target Allocator and the logs DaemonSet. Scenarios run on the effective
 * configurations, i.e. chart defaults merged with these values, as Helm renders them.
 *
 * @param environment the environment name, e.g. {@code prod}
 * @param statefulSetValues values of the metrics/traces release
 * @param targetAllocatorValues values of the Target Allocator release
 * @param daemonSetValues values of the logs release
 */
record GeneratedStack(
    String environment,
    Map<String, Object> statefulSetValues,
    Map<String, Object> targetAllocatorValues,
    Map<String, Object> daemonSetValues) {
  /** The pod annotation choosing a scrape tier (environments/_defaults.yaml). */
  static final String TIER_ANNOTATION = "otel-stack.io/scrape-tier";

  /** The StatefulSet's effective collector configuration. */
  Map<String, Object> statefulSetConfig() {
    return effectiveConfig(statefulSetValues);
  }

  /** The DaemonSet's effective collector configuration. */
  Map<String, Object> daemonSetConfig() {
    return effectiveConfig(daemonSetValues);
  }

  /** The Target Allocator's scrape configurations. */
  @SuppressWarnings("unchecked")
  List<Map<String, Object>> scrapeConfigs() {
    Map<String, Object> ta =
        (Map<String, Object>)
            effective(CollectorChart.TARGET_ALLOCATOR, targetAllocatorValues)
                .get("targetAllocator");
    Map<String, Object> config = (Map<String, Object>) ta.get("config");
    return (List<Map<String, Object>>)
        ((Map<String, Object>) config.get("config")).get("scrape_configs");
  }

  /**
   * The Target Allocator's jobs served for one synthetic pod at {@code address}, annotated for
   * scraping in the fastest tier.
   */
  LocalSite.ScrapeTarget scrapeTarget(String address) {
    return LocalSite.ScrapeTarget.pod(scrapeConfigs(), address, TIER_ANNOTATION, "critical");
  }

  /** The tail sampler's settings in the StatefulSet: the figures scenarios compare against. */
  @SuppressWarnings("unchecked")
  Map<String, Object> tailSampling() {
    Map<String, Object> processors = (Map<String, Object>) statefulSetConfig().get("processors");
    return processors.entrySet().stream()
        .filter(e -> e.getKey().equals("tail_sampling") || e.getKey().startsWith("tail_sampling/"))
        .map(e -> (Map<String, Object>) e.getValue())
        .findFirst()
        .orElseThrow(() -> new AssertionError("the StatefulSet has no tail_sampling processor"));
  }

  /** How long the tail sampler buffers a trace before deciding. */
  java.time.Duration decisionWait() {
    String wait = String.valueOf(tailSampling().getOrDefault("decision_wait", "30s"));
    return java.time.Duration.ofSeconds(Long.parseLong(wait.replace("s", "")));
  }

  /** A setting of one tail-sampling policy type, e.g. {@code probabilistic}/{@code sampling_percentage}. */
  @SuppressWarnings("unchecked")
  double policySetting(String type, String key) {
    for (Object p : (List<Object>) tailSampling().get("policies")) {
      Map<String, Object> policy = (Map<String, Object>) p;
      if (type.equals(policy.get("type"))) {
        return Double.parseDouble(((Map<String, Object>) policy.get(type)).get(key).toString());
      }
    }
    throw new AssertionError("no " + type + " policy in tail_sampling");
  }

  /** The StatefulSet pods' {@code terminationGracePeriodSeconds}. */
  int gracePeriodSeconds() {
    return Integer.parseInt(
        String.valueOf(
            effective(CollectorChart.COLLECTOR, statefulSetValues)
                .get("terminationGracePeriodSeconds")));
  }

  /** The StatefulSet pods' preStop sleep, 0 when there is none. */
  @SuppressWarnings("unchecked")
  int preStopSeconds() {
    Object hooks =
        effective(CollectorChart.COLLECTOR, statefulSetValues).get("lifecycleHooks");
    if (hooks instanceof Map<?, ?> h
        && ((Map<String, Object>) h).get("preStop") instanceof Map<?, ?> pre
        && ((Map<String, Object>) pre).get("sleep") instanceof Map<?, ?> sleep) {
      return Integer.parseInt(String.valueOf(((Map<String, Object>) sleep).get("seconds")));
    }
    return 0;
  }

  /** What Helm renders: the chart's default values (the jar's copy) merged with the release's. */
  private static Map<String, Object> effective(CollectorChart chart, Map<String, Object> values) {
    return HelmValues.merge(chart.defaultValues(), values);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> effectiveConfig(Map<String, Object> values) {
    return (Map<String, Object>)
        effective(CollectorChart.COLLECTOR, values).get("config");
  }

  /**
   * Development stand-in until the generating constructs are merged: collector configurations
   * read from {@code statefulset.yaml}, {@code daemonset.yaml} and {@code scrape-configs.yaml} in
   * a directory, wrapped into release values the way the constructs render them.
   */
  @SuppressWarnings("unchecked")
  static GeneratedStack fromDirectory(String environment, Path dir) {
    Map<String, Object> chartConfig =
        (Map<String, Object>) CollectorChart.COLLECTOR.defaultValues().get("config");
    List<Object> key =
        List.of(
            Map.of(
                "name",
                "CORALOGIX_PRIVATE_KEY",
                "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "coralogix", "key", "private-key"))));
    Map<String, Object> sts =
        Map.of(
            "config",
            HelmValues.overlay(chartConfig, read(dir.resolve("statefulset.yaml"))),
            "extraEnvs",
            key,
            "terminationGracePeriodSeconds",
            60,
            "lifecycleHooks",
            Map.of("preStop", Map.of("sleep", Map.of("seconds", 10))));
    Map<String, Object> ds =
        Map.of(
            "config",
            HelmValues.overlay(chartConfig, read(dir.resolve("daemonset.yaml"))),
            "extraEnvs",
            key);
    Map<String, Object> ta =
        Map.of(
            "targetAllocator",
            Map.of("config", Map.of("config", read(dir.resolve("scrape-configs.yaml")))));
    return new GeneratedStack(environment, sts, ta, ds);
  }

  private static Map<String, Object> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return Yaml.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
