package io.otelstack.proof;

import com.hashicorp.cdktf.Testing;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.MultilineRule;
import io.otelstack.config.CollectorSettings;
import io.otelstack.config.Environment;
import io.otelstack.config.EnvironmentLoader;
import io.otelstack.config.LogsSettings;
import io.otelstack.internal.HelmValues;
import io.otelstack.stacks.TelemetryStack;
import io.otelstack.testing.ExternalTools;
import java.util.List;
import java.util.Map;

/**
 * The release values the project generates for one environment's collectors: the metrics/traces
 * StatefulSet, its Target Allocator and the logs DaemonSet, as {@link TelemetryStack} builds them
 * from the environment file. Scenarios run on the effective configurations, i.e. chart defaults
 * merged with these values, as Helm renders them.
 *
 * @param environment the loaded environment file, e.g. prod
 * @param statefulSetValues values of the metrics/traces release
 * @param targetAllocatorValues values of the Target Allocator release
 * @param daemonSetValues values of the logs release
 * @param clusterCollectorValues values of the cluster collector's release
 */
record GeneratedStack(
    Environment environment,
    Map<String, Object> statefulSetValues,
    Map<String, Object> targetAllocatorValues,
    Map<String, Object> daemonSetValues,
    Map<String, Object> clusterCollectorValues) {

  /** Builds {@code <env>-telemetry} from the committed environment file and reads its values. */
  static GeneratedStack of(String environment) {
    return of(
        EnvironmentLoader.load(ExternalTools.projectDir().resolve("environments"), environment));
  }

  /** Builds {@code <env>-telemetry} from an environment and reads its values. */
  static GeneratedStack of(Environment env) {
    TelemetryStack stack = new TelemetryStack(Testing.app(), env.name() + "-telemetry", env);
    return new GeneratedStack(
        env,
        stack.metricsTraces().values(),
        stack.targetAllocator().values(),
        stack.logs().values(),
        stack.platform().clusterCollector().orElseThrow().values());
  }

  /**
   * The same environment with another preStop sleep and grace period, as a platform team would set
   * them in {@code collector.preStopDelaySeconds} and {@code
   * collector.terminationGracePeriodSeconds}.
   */
  GeneratedStack withShutdown(int preStopSeconds, int gracePeriodSeconds) {
    CollectorSettings c = environment.collector();
    return with(
        new CollectorSettings(
            c.namespace(),
            c.image(),
            gracePeriodSeconds,
            preStopSeconds,
            c.exporterTimeoutSeconds()),
        environment.logs());
  }

  /** The same environment with these {@code logs.multiline} rules. */
  GeneratedStack withMultiline(List<MultilineRule> rules) {
    LogsSettings l = environment.logs();
    return with(
        environment.collector(),
        new LogsSettings(
            l.severityThreshold(),
            l.dropDebug(),
            l.excludeEndpoints(),
            l.parseJson(),
            l.resources(),
            rules));
  }

  private GeneratedStack with(CollectorSettings collector, LogsSettings logs) {
    Environment e = environment;
    return of(
        new Environment(
            e.name(),
            e.file(),
            e.cluster(),
            e.state(),
            e.coralogix(),
            collector,
            logs,
            e.metrics(),
            e.traces(),
            e.queue(),
            e.hpa(),
            e.targetAllocator(),
            e.networkPolicy(),
            e.infrastructure(),
            e.monitoring(),
            e.tags()));
  }

  /** The StatefulSet's effective collector configuration. */
  Map<String, Object> statefulSetConfig() {
    return Otelcol.effectiveConfig(statefulSetValues);
  }

  /** The DaemonSet's effective collector configuration. */
  Map<String, Object> daemonSetConfig() {
    return Otelcol.effectiveConfig(daemonSetValues);
  }

  /** The cluster collector's effective collector configuration. */
  Map<String, Object> clusterCollectorConfig() {
    return Otelcol.effectiveConfig(clusterCollectorValues);
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
   * The Target Allocator's pod-tier jobs served for one synthetic pod at {@code address}, annotated
   * for scraping in the environment's fastest tier. The allocator's own job and the kubelet job
   * select no application pod, so they are left out (the kubelet job's service account files exist
   * only in a pod).
   */
  LocalSite.ScrapeTarget scrapeTarget(String address) {
    String fastest =
        environment.metrics().scrapeTiers().entrySet().stream()
            .min(Map.Entry.comparingByValue())
            .orElseThrow()
            .getKey();
    return LocalSite.ScrapeTarget.pod(
        scrapeConfigs().stream()
            .filter(j -> String.valueOf(j.get("job_name")).startsWith("pods-"))
            .toList(),
        address,
        environment.metrics().tierAnnotation(),
        fastest);
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

  /**
   * A setting of one tail-sampling policy type, e.g. {@code probabilistic}/{@code
   * sampling_percentage}.
   */
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
    Object hooks = effective(CollectorChart.COLLECTOR, statefulSetValues).get("lifecycleHooks");
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
}
