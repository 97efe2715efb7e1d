package io.otelstack.proof;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Scenario 4, metric cardinality: the synthetic service endpoint is scraped through the Target
 * Allocator's generated jobs (static target, relabel and metric relabel rules as generated), and
 * the series reaching the sink are counted against the series exposed.
 */
final class Cardinality {
  private static final Duration FIRST_SCRAPES = Duration.ofMinutes(2);
  private static final List<String> HIGH_CARDINALITY_LABELS = List.of("pod_ip", "instance_id");

  private Cardinality() {}

  /**
   * The scenario's figures.
   *
   * @param seriesIn distinct series the endpoint exposes
   * @param seriesOut distinct series of the scrape job at the sink (Prometheus series: one per
   *     histogram bucket, as exposed), the scrape's own {@code up} and {@code scrape_*} included
   * @param allowlisted metric families the environment's {@code metrics.allowlist} matches
   * @param missing allowlisted families absent at the sink
   * @param leakedLabels high-cardinality labels still present at the sink
   */
  record Figures(
      int seriesIn,
      int seriesOut,
      Set<String> allowlisted,
      Set<String> missing,
      Set<String> leakedLabels) {
    /** Share of series removed. */
    double reduction() {
      return 1 - (double) seriesOut / seriesIn;
    }
  }

  /** Runs the scenario: waits for a scrape to reach the sink, then counts. */
  static Figures run(GeneratedStack stack) {
    Path work = LocalCollectors.tempDir("cardinality");
    try (OtlpSink sink = new OtlpSink().start();
        PrometheusEndpoint app = new PrometheusEndpoint();
        LocalCollectors sts = LocalCollectors.statefulSet(stack, 1, work, sink, app)) {
      sts.start(0);
      Set<String> jobs =
          stack.scrapeConfigs().stream()
              .map(j -> String.valueOf(j.get("job_name")))
              .collect(Collectors.toSet());
      // One scrape exposes every series; wait for it to arrive whole.
      Await.until(
          FIRST_SCRAPES,
          "a scrape of the synthetic service to reach the sink",
          () -> app.scrapes() >= 1 && !scraped(sink, jobs).isEmpty());
      Await.settle(Duration.ofSeconds(3), FIRST_SCRAPES, () -> scraped(sink, jobs).size());

      Map<String, OtlpSink.MetricPoint> series = new LinkedHashMap<>();
      scraped(sink, jobs).forEach(p -> series.putIfAbsent(p.series(), p));
      int out = series.values().stream().mapToInt(OtlpSink.MetricPoint::prometheusSeries).sum();
      Set<String> names =
          series.values().stream().map(OtlpSink.MetricPoint::name).collect(Collectors.toSet());

      // What the environment file asks to keep, not the generated keep rule: a generator that
      // drops an allowlisted family must show as missing, not as not allowlisted.
      List<Pattern> allow =
          stack.environment().metrics().allowlist().stream().map(Pattern::compile).toList();
      Set<String> allowlisted = new TreeSet<>();
      for (String family : app.families()) {
        if (sampleNames(family).stream().anyMatch(n -> kept(allow, n))) {
          allowlisted.add(family);
        }
      }
      if (kept(allow, "up")) {
        allowlisted.add("up");
      }
      Set<String> missing = new TreeSet<>(allowlisted);
      missing.removeIf(f -> names.contains(f) || names.contains(f.replaceAll("_total$", "")));
      Set<String> leaked = new TreeSet<>();
      series
          .values()
          .forEach(
              p ->
                  HIGH_CARDINALITY_LABELS.stream()
                      .filter(p.attributes()::containsKey)
                      .forEach(leaked::add));
      return new Figures(app.series(), out, allowlisted, missing, leaked);
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  private static List<OtlpSink.MetricPoint> scraped(OtlpSink sink, Set<String> jobs) {
    return sink.metricPoints().stream()
        .filter(p -> jobs.contains(p.resource().get("service.name")))
        .toList();
  }

  /** The names a family's samples carry in the exposition format. */
  private static List<String> sampleNames(String family) {
    return List.of(family, family + "_bucket", family + "_sum", family + "_count");
  }

  /** Whether one of the allowlist's regexes matches the whole name, as the keep rule does. */
  private static boolean kept(List<Pattern> allowlist, String name) {
    return allowlist.stream().anyMatch(p -> p.matcher(name).matches());
  }
}
