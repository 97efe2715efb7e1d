package io.otelstack.config;

import io.otelstack.internal.Maps;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Prometheus scraping and metric filtering.
 *
 * <p>Rule checked when loaded: every {@code allowlist} regex compiles (the recording rules are
 * checked against it). What {@code dropLabels} may match, and that {@code defaultTier} is one of
 * {@code scrapeTiers}, are the construct's rules ({@code TargetAllocatorProps}), checked once
 * there.
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
    for (int i = 0; i < allowlist.size(); i++) {
      compile(p, p.path("allowlist") + "[" + i + "]", allowlist.get(i));
    }
    resources.check(p.at("resources"));
  }

  /** The compiled regex, or null after adding an error. */
  private static Pattern compile(Problems p, String field, String regex) {
    try {
      return Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      p.add(
          field
              + " ("
              + regex
              + ") is not a valid regex: "
              + e.getDescription()
              + " near index "
              + e.getIndex());
      return null;
    }
  }
}
