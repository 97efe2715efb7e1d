package io.otelstack.config;

import io.otelstack.internal.Maps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prometheus scraping and metric filtering.
 *
 * <p>The regexes (that they compile, what {@code dropLabels} may match) and that {@code
 * defaultTier} is one of {@code scrapeTiers} are the construct's rules ({@code
 * TargetAllocatorProps}), checked once there.
 *
 * @param allowlist regexes of the metric names kept (anchored: the whole name must match)
 * @param dropLabels regexes of label names removed from every series (anchored)
 * @param renameLabels label renames, old name to new name
 * @param tierAnnotation pod annotation that picks a scrape tier
 * @param defaultTier tier of pods without the annotation
 * @param scrapeTiers scrape interval of each tier
 * @param sampleLimit most samples accepted from one scrape; a target over it fails the scrape
 * @param labelLimit most labels accepted on one series
 * @param resources the metrics collector container's CPU and memory
 */
public record MetricsSettings(
    List<String> allowlist,
    List<String> dropLabels,
    Map<String, String> renameLabels,
    String tierAnnotation,
    String defaultTier,
    Map<String, Duration> scrapeTiers,
    int sampleLimit,
    int labelLimit,
    ResourceSettings resources) {
  /** Requires every part and copies the collections. */
  public MetricsSettings {
    allowlist = List.copyOf(allowlist);
    dropLabels = List.copyOf(dropLabels);
    renameLabels = Maps.copySorted(renameLabels);
    Objects.requireNonNull(tierAnnotation, "tierAnnotation");
    Objects.requireNonNull(defaultTier, "defaultTier");
    scrapeTiers = Maps.copySorted(scrapeTiers);
    Objects.requireNonNull(resources, "resources");
  }

  void check(Problems p) {
    resources.check(p.at("resources"));
  }
}
