package io.otelstack.internal;

/**
 * A pinned Helm chart: what {@link ChartRelease} installs. Not public API.
 *
 * <p>An interface here, implemented where the charts are known, so that {@code internal} needs
 * nothing from the packages above it.
 */
public interface HelmChart {
  /** The repository the chart comes from. */
  String repository();

  /** The chart name in the repository. */
  String chart();

  /** The pinned chart version. */
  String version();
}
