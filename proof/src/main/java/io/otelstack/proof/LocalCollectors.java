package io.otelstack.proof;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replicas of one generated collector, run locally: each with its own ports and its own storage
 * directory (its PVC), which outlives the process so a restarted replica finds its queue and
 * checkpoints again.
 */
final class LocalCollectors implements AutoCloseable {
  private static final Duration READY = Duration.ofMinutes(10);

  private final String name;
  private final List<Map<String, Object>> configs = new ArrayList<>();
  private final List<PortMap> ports = new ArrayList<>();
  private final List<CollectorProcess> running = new ArrayList<>();
  private final Map<String, String> env;
  private final Path workDir;
  private final Map<String, Object> effective;
  private final String sinkEndpoint;
  private final Path podLogDir;

  /**
   * Prepares {@code replicas} local replicas of a generated configuration.
   *
   * @param effective the effective collector configuration (chart defaults merged with values)
   * @param env the environment Kubernetes would give each pod, see {@link PodEnvironment}
   * @param podLogDir stand-in for {@code /var/log/pods}; null when the collector reads no files
   * @param scrape stand-in for the Target Allocator; null when the collector has none
   */
  /** The metrics/traces StatefulSet's replicas, as generated, scraping {@code scrape}. */
  static LocalCollectors statefulSet(
      GeneratedStack stack,
      int replicas,
      Path workDir,
      OtlpSink sink,
      Path podLogDir,
      LocalSite.ScrapeTarget scrape) {
    return new LocalCollectors(
        "otel-metrics",
        stack.statefulSetConfig(),
        PodEnvironment.of(stack.statefulSetValues()),
        replicas,
        workDir,
        sink,
        podLogDir,
        scrape);
  }

  /**
   * The StatefulSet's replicas, as generated, with no pod logs to read, scraping {@code app} as the
   * Target Allocator would hand it out.
   */
  static LocalCollectors statefulSet(
      GeneratedStack stack, int replicas, Path workDir, OtlpSink sink, PrometheusEndpoint app) {
    return statefulSet(
        stack, replicas, workDir, sink, workDir.resolve("pods"), stack.scrapeTarget(app.address()));
  }

  /** One logs agent of the DaemonSet, as generated, tailing {@code podLogDir}. */
  static LocalCollectors daemonSet(
      GeneratedStack stack,
      Path workDir,
      OtlpSink sink,
      Path podLogDir,
      LocalSite.ScrapeTarget scrape) {
    return new LocalCollectors(
        "otel-logs",
        stack.daemonSetConfig(),
        PodEnvironment.of(stack.daemonSetValues()),
        1,
        workDir,
        sink,
        podLogDir,
        scrape);
  }

  LocalCollectors(
      String name,
      Map<String, Object> effective,
      Map<String, String> env,
      int replicas,
      Path workDir,
      OtlpSink sink,
      Path podLogDir,
      LocalSite.ScrapeTarget scrape) {
    this.name = name;
    this.env = env;
    this.workDir = workDir;
    this.effective = effective;
    this.sinkEndpoint = sink.endpoint();
    this.podLogDir = podLogDir;
    for (int i = 0; i < replicas; i++) {
      ports.add(new PortMap());
    }
    for (int i = 0; i < replicas; i++) {
      configs.add(LocalOverlay.apply(effective, site(i, scrape)));
      running.add(null);
    }
  }

  private LocalSite site(int i, LocalSite.ScrapeTarget scrape) {
    Path storage = workDir.resolve(name + "-" + i + "-storage");
    return new LocalSite(
        sinkEndpoint, storage, podLogDir, scrape, ports.get(i), List.copyOf(ports));
  }

  /**
   * Gives replica {@code i} other scrape jobs for its next start, as the Target Allocator assigns
   * each replica its own share of the targets. Earlier {@link #reconfigure} changes are replaced.
   */
  void assign(int i, LocalSite.ScrapeTarget scrape) {
    configs.set(i, LocalOverlay.apply(effective, site(i, scrape)));
  }

  /** Replaces replica {@code i}'s configuration for its next start. */
  void reconfigure(int i, java.util.function.UnaryOperator<Map<String, Object>> change) {
    configs.set(i, change.apply(configs.get(i)));
  }

  /** Replaces every replica's configuration, e.g. with in-memory queues for a baseline. */
  void reconfigure(java.util.function.UnaryOperator<Map<String, Object>> change) {
    configs.replaceAll(change);
  }

  /** The OTLP/gRPC address applications send to on replica {@code i} (pod port 4317). */
  String otlpEndpoint(int i) {
    return endpoint(i, 4317);
  }

  /** The loopback address standing in for pod port {@code podPort} of replica {@code i}. */
  String endpoint(int i, int podPort) {
    return ports.get(i).endpoint(podPort);
  }

  /** Replica {@code i}'s configuration as it would be started now. */
  Map<String, Object> config(int i) {
    return configs.get(i);
  }

  /**
   * Sends {@code traces} error traces of {@code spansPerTrace} spans to replica {@code i} and
   * waits, up to {@code timeout}, until the running replicas' tail samplers (each deciding on the
   * trace IDs the load-balancing exporter routed to it) have decided on all of them: from then on
   * every span is in an exporter's queue. Returns the {@code traceId/spanId} of every span sent.
   */
  List<String> sendErrorTracesAndAwaitDecision(
      int i, int traces, int spansPerTrace, Duration timeout) {
    List<String> ids = new ArrayList<>();
    try (OtlpLoad load = new OtlpLoad(otlpEndpoint(i))) {
      for (SpanData s :
          load.sendSpans(OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, traces, spansPerTrace, 0))) {
        ids.add(s.getTraceId() + "/" + s.getSpanId());
      }
    }
    Await.until(
        timeout,
        "the tail sampler to decide on " + traces + " traces",
        () ->
            sumOverRunning("otelcol_processor_tail_sampling_global_count_traces_sampled")
                >= traces);
    return ids;
  }

  /** A self-metric summed over every replica whose process is running. */
  double sumOverRunning(String metric) {
    double sum = 0;
    for (int r = 0; r < running.size(); r++) {
      if (running.get(r) != null && running.get(r).isAlive()) {
        sum += SelfMetrics.sum(telemetryEndpoint(r), metric);
      }
    }
    return sum;
  }

  /** Where replica {@code i} serves its own metrics (the telemetry reader, pod port 8888). */
  @SuppressWarnings("unchecked")
  String telemetryEndpoint(int i) {
    Map<String, Object> service = (Map<String, Object>) configs.get(i).get("service");
    Map<String, Object> metrics =
        (Map<String, Object>) ((Map<String, Object>) service.get("telemetry")).get("metrics");
    Map<String, Object> reader =
        (Map<String, Object>) ((List<Object>) metrics.get("readers")).get(0);
    Map<String, Object> prom =
        (Map<String, Object>)
            ((Map<String, Object>) ((Map<String, Object>) reader.get("pull")).get("exporter"))
                .get("prometheus");
    return Loopback.endpoint(Integer.parseInt(prom.get("port").toString()));
  }

  /** Starts replica {@code i} (again, on the same storage) and waits until it is healthy. */
  CollectorProcess start(int i) {
    String pod = name + "-" + i;
    Map<String, String> podEnv = new LinkedHashMap<>(env);
    PodEnvironment.POD_NAME_VARIABLES.forEach(v -> podEnv.put(v, pod));
    CollectorProcess p =
        CollectorProcess.start(
            pod + "-run" + System.nanoTime(), configs.get(i), podEnv, workDir, healthPort(i));
    running.set(i, p);
    return p.awaitReady(READY);
  }

  /** The running process of replica {@code i}. */
  CollectorProcess process(int i) {
    return running.get(i);
  }

  private int healthPort(int i) {
    // health_check listens on pod port 13133 unless the generated configuration says otherwise.
    Object ext = configs.get(i).get("extensions");
    if (ext instanceof Map<?, ?> extensions
        && extensions.get("health_check") instanceof Map<?, ?> hc
        && hc.get("endpoint") instanceof String endpoint) {
      return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
    }
    throw new AssertionError(
        name + " has no health_check extension; the chart requires one for its probes");
  }

  /** A fresh temporary directory for one scenario, deleted by {@link #deleteTree}. */
  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory("otel-stack-proof-" + prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deletes a scenario's temporary directory, unless {@code -Dproof.keep=true}. */
  static void deleteTree(Path dir) {
    // -Dproof.keep=true leaves configurations, collector logs and storage for inspection.
    if (dir == null || !Files.exists(dir) || Boolean.getBoolean("proof.keep")) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    running.forEach(
        p -> {
          if (p != null) {
            p.close();
          }
        });
  }
}
