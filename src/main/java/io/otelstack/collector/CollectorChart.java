package io.otelstack.collector;

import io.otelstack.internal.HelmChart;
import io.otelstack.internal.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The upstream Helm charts this project deploys, pinned, with their default values.
 *
 * <p>The defaults ship inside the jar (copied from the upstream chart; a test keeps the copy equal
 * to it) because the chart merges them into every release: the effective collector configuration
 * cannot be computed without them.
 */
public enum CollectorChart implements HelmChart {
  /** {@code opentelemetry-collector}: the collector as a DaemonSet, Deployment or StatefulSet. */
  COLLECTOR("opentelemetry-collector", "0.170.0", "0.158.0"),
  /** {@code opentelemetry-target-allocator}: shards Prometheus targets across collectors. */
  TARGET_ALLOCATOR("opentelemetry-target-allocator", "0.158.0", "0.158.0");

  /** The chart repository both charts come from. */
  private static final String REPOSITORY =
      "https://open-telemetry.github.io/opentelemetry-helm-charts";

  private final String chart;
  private final String version;
  private final String appVersion;

  CollectorChart(String chart, String version, String appVersion) {
    this.chart = chart;
    this.version = version;
    this.appVersion = appVersion;
  }

  @Override
  public String repository() {
    return REPOSITORY;
  }

  @Override
  public String chart() {
    return chart;
  }

  @Override
  public String version() {
    return version;
  }

  /** The collector (or allocator) version the pinned chart deploys by default. */
  public String appVersion() {
    return appVersion;
  }

  /**
   * The labels the collector chart puts on the pods of a release, and only on them.
   *
   * @param release the release name ({@code app.kubernetes.io/instance})
   * @param component the chart's component label for the mode, e.g. {@code statefulset-collector}
   */
  public static Map<String, String> podLabels(String release, String component) {
    Map<String, String> labels = new java.util.LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", COLLECTOR.chart());
    labels.put("app.kubernetes.io/instance", release);
    labels.put("component", component);
    return labels;
  }

  /** The chart's default {@code values.yaml}, parsed. A fresh copy on every call. */
  public Map<String, Object> defaultValues() {
    String resource = chart + "-" + version + "-values.yaml";
    try (InputStream in = CollectorChart.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing chart defaults resource " + resource);
      }
      return Yaml.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
