package io.otelstack.proof;

import io.otelstack.collector.KubeletStatsReceiver;
import io.otelstack.collector.ResourceDetectionProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The logs agent's infrastructure metrics with the real collector: the DaemonSet's generated
 * configuration, its {@code kubelet_stats} receiver reading {@link KubeletSummaryStandIn} (a
 * recorded {@code /stats/summary}) and its {@code host_metrics} receiver reading this machine,
 * which is the host here, as the local overlay points them ({@link LocalOverlay}). Nothing else
 * changes; in particular the resource detection runs as generated, on a machine without instance
 * metadata.
 */
final class InfrastructureMetrics {
  /** Two reads of the kubelet: the receivers' first and a second, one interval later. */
  private static final int READS = 2;

  private static final Duration DELIVERY = Duration.ofMinutes(3);

  private InfrastructureMetrics() {}

  /**
   * What the agent sent.
   *
   * @param startSeconds from the process start to healthy, resource detection included
   * @param points every metric point that reached the sink
   * @param kubeletReads how often the stand-in was read
   */
  record Figures(double startSeconds, List<OtlpSink.MetricPoint> points, int kubeletReads) {
    /**
     * Distinct series by family: node-level kubelet, per-pod kubelet (pods and containers), host,
     * the collector's own, other.
     */
    Map<String, Integer> seriesByFamily() {
      Map<String, Set<String>> series = new TreeMap<>();
      for (OtlpSink.MetricPoint p : points) {
        series.computeIfAbsent(family(p), f -> new TreeSet<>()).add(p.series());
      }
      Map<String, Integer> counts = new TreeMap<>();
      series.forEach((f, s) -> counts.put(f, s.size()));
      return counts;
    }

    /** The metric names of one family. */
    Set<String> names(String family) {
      Set<String> names = new TreeSet<>();
      points.stream().filter(p -> family(p).equals(family)).forEach(p -> names.add(p.name()));
      return names;
    }

    /** The {@code k8s.cluster.name} values on the points' resources, "(none)" where missing. */
    Set<String> clusterNames() {
      Set<String> names = new TreeSet<>();
      points.forEach(
          p ->
              names.add(
                  p.resource().getOrDefault(ResourceDetectionProcessor.CLUSTER_NAME, "(none)")));
      return names;
    }

    private static String family(OtlpSink.MetricPoint p) {
      if (p.resource().containsKey("service.name")) {
        // The collector's own metrics (prometheus/self names its job the service).
        return "self";
      }
      if (p.name().startsWith("system.")) {
        return "host";
      }
      if (p.resource().containsKey("k8s.pod.uid")) {
        return "kubelet per pod";
      }
      return p.name().startsWith("k8s.node.") ? "kubelet node" : "other";
    }
  }

  /**
   * Runs the agent until the stand-in has been read {@value #READS} times and the sink has had
   * every point; {@code change} may alter the configuration further (a broken one, a baseline).
   */
  static Figures agent(GeneratedStack stack, UnaryOperator<Map<String, Object>> change) {
    Path work = LocalCollectors.tempDir("infrastructure");
    try (OtlpSink sink = new OtlpSink().start();
        LocalCollectors agent =
            LocalCollectors.daemonSet(stack, work, sink, work.resolve("pods"), null);
        KubeletSummaryStandIn kubelet = kubelet(agent)) {
      agent.reconfigure(0, change);
      long start = System.nanoTime();
      agent.start(0);
      double startSeconds = (System.nanoTime() - start) / 1e9;
      Await.until(
          DELIVERY,
          "the kubelet stand-in to be read " + READS + " times",
          () -> kubelet.reads() >= READS);
      Await.settle(Duration.ofSeconds(5), DELIVERY, () -> sink.metricPoints().size());
      return new Figures(startSeconds, sink.metricPoints(), kubelet.reads());
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /**
   * The agent's CPU seconds and resident memory (KiB) after {@code window} idle (no pod logs), with
   * the infrastructure pipeline as generated or without it (the agent as it was before): their
   * difference is what the kubelet and host reads cost.
   */
  static double[] cost(GeneratedStack stack, Duration window, boolean withInfrastructure) {
    Path work = LocalCollectors.tempDir("infrastructure-cost");
    try (OtlpSink sink = new OtlpSink().start();
        LocalCollectors agent =
            LocalCollectors.daemonSet(stack, work, sink, work.resolve("pods"), null);
        KubeletSummaryStandIn kubelet = kubelet(agent)) {
      if (!withInfrastructure) {
        agent.reconfigure(0, InfrastructureMetrics::withoutInfrastructure);
      }
      CollectorProcess process = agent.start(0);
      Await.sleep(window);
      return new double[] {process.cpuSeconds(), process.rssKib()};
    } finally {
      LocalCollectors.deleteTree(work);
    }
  }

  /** The configuration without {@code metrics/infrastructure} and what only it uses. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> withoutInfrastructure(Map<String, Object> config) {
    Map<String, Object> pipelines =
        (Map<String, Object>) ((Map<String, Object>) config.get("service")).get("pipelines");
    Map<String, Object> infrastructure =
        (Map<String, Object>) pipelines.remove("metrics/infrastructure");
    for (String section : List.of("receivers", "processors", "exporters")) {
      Set<String> used = new TreeSet<>();
      pipelines
          .values()
          .forEach(p -> used.addAll((List<String>) ((Map<String, Object>) p).get(section)));
      for (Object id : (List<Object>) infrastructure.get(section)) {
        if (!used.contains(id)) {
          ((Map<String, Object>) config.get(section)).remove(id);
        }
      }
    }
    return config;
  }

  /** The stand-in kubelet on the port the overlay gave the agent's kubelet_stats. */
  private static KubeletSummaryStandIn kubelet(LocalCollectors agent) {
    String endpoint = agent.endpoint(0, KubeletStatsReceiver.KUBELET_PORT);
    return new KubeletSummaryStandIn(
        Integer.parseInt(endpoint.substring(endpoint.indexOf(':') + 1)));
  }
}
