package io.otelstack.collector;

import io.otelstack.internal.Tokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prometheus scrape jobs as the Target Allocator reads them, and the relabel rules of its pod jobs
 * (one per scrape tier). Pods opt in with {@code prometheus.io/scrape: "true"} and may set {@code
 * prometheus.io/path} and {@code prometheus.io/port}.
 */
public final class ScrapeJobs {
  private static final String PROMETHEUS_SCRAPE = "prometheus.io/scrape";
  private static final String PROMETHEUS_PATH = "prometheus.io/path";
  private static final String PROMETHEUS_PORT = "prometheus.io/port";
  private static final List<String> ALWAYS_DROPPED = List.of("pod_ip", "instance_id");
  private static final Duration PROMETHEUS_DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private ScrapeJobs() {}

  /**
   * A job's name, interval and timeout: Prometheus' default timeout, or the interval where that is
   * shorter, since a scrape must end before the next one starts.
   */
  public static Map<String, Object> job(String name, Duration interval) {
    Duration timeout =
        interval.compareTo(PROMETHEUS_DEFAULT_TIMEOUT) < 0 ? interval : PROMETHEUS_DEFAULT_TIMEOUT;
    Map<String, Object> job = new LinkedHashMap<>();
    job.put("job_name", name);
    job.put("scrape_interval", interval.toSeconds() + "s");
    job.put("scrape_timeout", timeout.toSeconds() + "s");
    return job;
  }

  /**
   * The target relabeling of the {@code tier} job: keeps running pods that ask to be scraped and
   * belong to the tier, takes path and port from their annotations, and labels each target with its
   * namespace and pod.
   *
   * @param tiers every tier, in job order
   * @param defaultTier the tier of pods that name none, or one that does not exist
   * @param tierAnnotation the pod annotation naming a pod's tier
   */
  public static List<Object> podTargets(
      String tier, Collection<String> tiers, String defaultTier, String tierAnnotation) {
    List<Object> rules = new ArrayList<>();
    rules.add(rule("keep", List.of(annotation(PROMETHEUS_SCRAPE)), "true"));
    rules.add(
        rule("drop", List.of("__meta_kubernetes_pod_phase"), "Pending|Succeeded|Failed|Unknown"));
    String tierLabel = annotation(tierAnnotation);
    if (!tier.equals(defaultTier)) {
      rules.add(rule("keep", List.of(tierLabel), tier));
    } else if (tiers.size() > 1) {
      // The default tier takes every pod no other tier claims, including unknown values.
      List<String> others = new ArrayList<>(tiers);
      others.remove(tier);
      rules.add(rule("drop", List.of(tierLabel), String.join("|", others)));
    }
    Map<String, Object> path = rule("replace", List.of(annotation(PROMETHEUS_PATH)), "(.+)");
    path.put("target_label", "__metrics_path__");
    rules.add(path);
    // "$1" is Prometheus syntax read by the allocator from its own file, which expands nothing;
    // in a collector configuration it would have to be written "$$1".
    Map<String, Object> port =
        rule(
            "replace",
            List.of("__address__", annotation(PROMETHEUS_PORT)),
            "([^:]+)(?::\\d+)?;(\\d+)");
    port.put("replacement", "$1:$2");
    port.put("target_label", "__address__");
    rules.add(port);
    rules.add(copy("__meta_kubernetes_namespace", "namespace"));
    rules.add(copy("__meta_kubernetes_pod_name", "pod"));
    return rules;
  }

  /**
   * The sample relabeling of every job: keeps only allowlisted metrics, renames labels, and drops
   * {@code pod_ip}, {@code instance_id}, the given labels and the renamed ones.
   *
   * @param allowlist metric name patterns to keep; may be a Terraform token
   * @param renameLabels labels to rename, old name to new
   * @param dropLabels labels to drop
   */
  public static List<Object> podSamples(
      List<String> allowlist, Map<String, String> renameLabels, List<String> dropLabels) {
    List<Object> rules = new ArrayList<>();
    rules.add(rule("keep", List.of("__name__"), Tokens.join("|", allowlist)));
    renameLabels.forEach((from, to) -> rules.add(copy(from, to)));
    Set<String> dropped = new LinkedHashSet<>(ALWAYS_DROPPED);
    dropped.addAll(dropLabels);
    dropped.addAll(renameLabels.keySet());
    Map<String, Object> drop = new LinkedHashMap<>();
    drop.put("action", "labeldrop");
    drop.put("regex", String.join("|", dropped));
    rules.add(drop);
    return rules;
  }

  private static Map<String, Object> rule(String action, List<String> sources, String regex) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("action", action);
    r.put("source_labels", sources);
    r.put("regex", regex);
    return r;
  }

  private static Map<String, Object> copy(String from, String to) {
    Map<String, Object> r = rule("replace", List.of(from), "(.+)");
    r.put("target_label", to);
    r.put("replacement", "$1");
    return r;
  }

  /** The meta label Prometheus' pod discovery gives an annotation. */
  private static String annotation(String key) {
    return "__meta_kubernetes_pod_annotation_" + key.replaceAll("[^a-zA-Z0-9_]", "_");
  }
}
