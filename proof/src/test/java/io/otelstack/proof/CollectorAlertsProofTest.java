package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.Testing;
import io.grpc.Status;
import io.opentelemetry.exporter.otlp.trace.OtlpGrpcSpanExporter;
import io.otelstack.config.AlertsSettings;
import io.otelstack.config.Environment;
import io.otelstack.config.QueueSettings;
import io.otelstack.constructs.metrics.TargetAllocator;
import io.otelstack.internal.HelmValues;
import io.otelstack.stacks.CoralogixStack;
import io.otelstack.testing.Environments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every alert of {@code <env>-coralogix} evaluated for real, on data that travels the real path:
 * the environment's collectors (the real distribution, the generated configurations, {@code
 * hpa.minReplicas} gateway replicas and a logs agent, on loopback as the other proof scenarios run
 * them) scrape their own metrics into {@code metrics/self} and send them with their coralogix
 * exporters to the {@link OtlpSink} standing in for Coralogix's ingress. {@link
 * CoralogixMetricsStandIn} turns what arrives into series the way Coralogix does on ingest, and a
 * real Prometheus, standing in for Coralogix's PromQL engine, scrapes them and evaluates each alert
 * as {@link CoralogixAlert} reads it from the synthesized Terraform JSON: its query and threshold,
 * its window, and whether the condition must hold for the whole window. No label comes from the
 * test: each query selects and groups by what the collectors' pipelines set.
 *
 * <p>Each alert in turn, every step starting with every alert quiet: its fault is produced; its
 * condition shows; the alert fires, a sustained one no earlier than its full window after its
 * condition first held; the fault is removed; the alert goes quiet again, a once-in-the-window one
 * no earlier than its window after its condition last held. Before the first step everything runs
 * healthy, and no alert may even be pending.
 *
 * <p>The cluster-side series (logs agents, unassigned targets, target imbalance, queue volume) are
 * scraped by gateway replica 0, as the Target Allocator would assign it the generated {@code
 * kubelet} and {@code target-allocator} jobs (relabel and keep rules unchanged), from {@link
 * ClusterMetricsStandIn}; the scenario checks that exactly the alerted series arrive.
 *
 * <p>Documented departures from production, sizes and time rather than behaviour:
 *
 * <ul>
 *   <li>time runs {@value #SECONDS_PER_MINUTE} s per production minute ({@link TimeScale}): the
 *       alerts' windows, the rate and increase windows in their queries, the collectors' 30 s
 *       self-scrape, the cluster jobs' interval and Prometheus' 5-minute lookback all shrink by the
 *       same factor, so a 5-minute window takes 10 s;
 *   <li>the queue is small ({@code queue.sizeBatches} 8 of 16 KiB) so that it fills in seconds;
 *   <li>the kubelet job reaches the stand-in over plain HTTP without the service account's token
 *       and CA (there is no API server);
 *   <li>the replica under memory pressure gets a memory limiter that refuses above the middle of
 *       its heap under load, checked every 100 ms, since no cgroup limit exists here to take a
 *       percentage of.
 * </ul>
 */
@Tag("integration")
class CollectorAlertsProofTest {
  private static final int SECONDS_PER_MINUTE = 2;
  private static final TimeScale SCALE = new TimeScale(Duration.ofSeconds(SECONDS_PER_MINUTE));

  /** Prometheus' default lookback, five minutes, at the proof's time scale. */
  private static final Duration LOOKBACK = SCALE.minutes(5);

  /**
   * Slack of the timing assertions: an evaluation interval, a scrape of the stand-in and the test's
   * own polling. A window one production minute too short (2 s) is still caught.
   */
  private static final Duration SLACK = Duration.ofMillis(1_500);

  /** How long each phase of a step may take beyond the alert's window. */
  private static final Duration PHASE = Duration.ofSeconds(90);

  private static final Duration POLL = Duration.ofMillis(250);

  /**
   * The alerts on counters where any occurrence is data loss: they fire on the first occurrence in
   * their window and stay firing until the window holds none. Every other alert fires once its
   * condition has held for the whole window.
   */
  private static final Set<String> ONCE_IN_THE_WINDOW = Set.of("EnqueueFailures", "RefusedData");

  private static final String LOGS_NAMESPACE = "shop";

  @Test
  void everyAlertIsQuietUntilItsFaultFiresAfterItsWindowAndQuietensOnceTheFaultIsGone()
      throws Exception {
    Environment prod = Environments.load(System.getProperty("proof.environment", "prod"));
    Environment env = withSmallQueue(prod);
    GeneratedStack stack = GeneratedStack.of(env);
    Map<String, CoralogixAlert> alerts = new LinkedHashMap<>();
    for (CoralogixAlert a :
        CoralogixAlert.of(
            Testing.synth(new CoralogixStack(Testing.app(), env.name() + "-coralogix", env)))) {
      alerts.put(a.id(), a);
    }
    Map<String, Integer> windows = windowsInTheEnvironmentFile(env);
    int replicas = env.hpa().minReplicas();
    String app = env.coralogix().applicationName();
    String gatewayJob = selfJob(stack.statefulSetConfig());
    String agentJob = selfJob(stack.daemonSetConfig());
    List<Step> steps = new ArrayList<>();

    Path work = LocalCollectors.tempDir("alerts");
    Path pods = work.resolve("pods");
    Files.createDirectories(pods);
    PodLogs podLogs = new PodLogs(pods);
    Path appLog = podLogs.file(LOGS_NAMESPACE, "checkout-7d9f8-x2x4q", "checkout");
    try (OtlpSink sink = new OtlpSink();
        CoralogixMetricsStandIn coralogix = new CoralogixMetricsStandIn(sink);
        ClusterMetricsStandIn cluster = new ClusterMetricsStandIn(PodEnvironment.NODE);
        PrometheusEndpoint application = new PrometheusEndpoint();
        LocalCollectors gateways =
            LocalCollectors.statefulSet(
                stack, replicas, work, sink, pods, stack.scrapeTarget(application.address()));
        LocalCollectors agent = LocalCollectors.daemonSet(stack, work, sink, pods, null)) {
      sink.start();
      gateways.assign(0, clusterJobs(stack, cluster));
      gateways.reconfigure(CollectorAlertsProofTest::scaledSelfScrape);
      agent.reconfigure(CollectorAlertsProofTest::scaledSelfScrape);
      healthyCluster(cluster, gatewayJob, replicas);
      for (int i = 0; i < replicas; i++) {
        gateways.start(i);
      }
      agent.start(0);
      List<PrometheusServer.AlertRule> rules =
          alerts.values().stream().map(a -> a.rule(SCALE)).toList();
      try (PrometheusServer prometheus =
          new PrometheusServer(
              work,
              List.of(new PrometheusServer.Target("coralogix", coralogix.address())),
              rules,
              LOOKBACK)) {
        Timeline t = new Timeline(prometheus, alerts, windows, app);
        long start = System.nanoTime();

        // Healthy: every collector reporting through its own pipeline, the cluster series in.
        t.pollUntil(
            PHASE,
            "Prometheus to see " + replicas + " gateways, a logs agent and the cluster series",
            () ->
                noConflicts(coralogix)
                    && prometheus.returnsSeries(
                        "count(otelcol_process_uptime{service_name=\""
                            + gatewayJob
                            + "\"}) == "
                            + replicas)
                    && prometheus.returnsSeries(
                        "otelcol_process_uptime{service_name=\"" + agentJob + "\"}")
                    && prometheus.returnsSeries("kubelet_volume_stats_capacity_bytes")
                    && prometheus.returnsSeries("opentelemetry_allocator_targets_per_collector"),
            null);
        // Every rate and increase window full of healthy samples, then a healthy stretch as long
        // as the longest of those windows: no alert may even be pending.
        Await.sleep(SCALE.minutes(10));
        Map<String, Boolean> quietWhileHealthy = t.quietFor(SCALE.minutes(10));
        System.out.println("quiet while healthy: " + quietWhileHealthy);
        assertThat(quietWhileHealthy.values())
            .as("alerts neither pending nor firing while healthy: %s", quietWhileHealthy)
            .containsOnly(true);

        // The logs ingress throttles (UNAVAILABLE, retried): the agent's queue fills past the
        // threshold but not to the top.
        double fillTarget = (alerts.get("QueueFill").threshold() + 100) / 2;
        steps.add(
            t.step(
                "QueueFill",
                () -> sink.refuse(OtlpSink.Signal.LOGS, Status.UNAVAILABLE),
                () -> sink.refuse(OtlpSink.Signal.LOGS, null),
                Map.of(
                    "service_name",
                    agentJob,
                    "k8s_pod_name",
                    "otel-logs-0",
                    "exporter",
                    "coralogix"),
                () -> fillAgentQueue(agent, appLog, fillTarget)));

        // The same, until the queue overflows: lines the agent read are lost.
        double failedBefore = enqueueFailures(agent);
        steps.add(
            t.step(
                "EnqueueFailures",
                () -> sink.refuse(OtlpSink.Signal.LOGS, Status.UNAVAILABLE),
                () -> sink.refuse(OtlpSink.Signal.LOGS, null),
                Map.of("service_name", agentJob, "exporter", "coralogix"),
                () -> {
                  if (enqueueFailures(agent) <= failedBefore) {
                    appendLines(appLog, 50);
                  }
                }));

        // The logs ingress rejects what it gets for good (INVALID_ARGUMENT), under steady load.
        LogLoad logLoad = new LogLoad(appLog);
        steps.add(
            t.step(
                "SendFailures",
                () -> {
                  sink.refuse(OtlpSink.Signal.LOGS, Status.INVALID_ARGUMENT);
                  logLoad.start();
                },
                () -> {
                  logLoad.stop();
                  sink.refuse(OtlpSink.Signal.LOGS, null);
                },
                Map.of("service_name", agentJob, "exporter", "coralogix"),
                logLoad::tick));

        // Memory pressure that comes and goes: under steady trace load, a replica whose memory
        // limiter refuses above the middle of its heap's saw-tooth refuses in bursts, its own
        // metrics included; the scrapes between the bursts carry the refusals to Coralogix.
        int pressured = replicas - 1;
        Map<String, Object> normal = gateways.config(pressured);
        TraceLoad traceLoad = new TraceLoad(gateways.otlpEndpoint(pressured));
        steps.add(
            t.step(
                "RefusedData",
                () -> {
                  long limitMib = heapMiddleMib(gateways, pressured, traceLoad);
                  gateways.process(pressured).close();
                  gateways.reconfigure(pressured, c -> memoryLimit(c, limitMib));
                  gateways.start(pressured);
                },
                () -> {},
                Map.of("service_name", gatewayJob, "processor", "memory_limiter"),
                traceLoad::send));

        // A gateway replica stops; it comes back with its memory limiter as generated.
        steps.add(
            t.step(
                "GatewayReplicas",
                () -> gateways.process(pressured).close(),
                () -> {
                  gateways.reconfigure(pressured, c -> normal);
                  gateways.start(pressured);
                },
                Map.of("service_name", gatewayJob),
                null));

        // The node's logs agent stops; its kubelet still reports the node.
        steps.add(
            t.step(
                "LogsAgents",
                () -> agent.process(0).close(),
                () -> agent.start(0),
                Map.of("node", PodEnvironment.NODE),
                null));

        // Cluster-side conditions, scraped from the stand-in by gateway replica 0.
        String allocatable =
            "opentelemetry_allocator_collectors_allocatable{strategy=\"consistent-hashing\"}";
        steps.add(
            t.step(
                "UnassignedTargets",
                () -> cluster.allocator(allocatable, 0),
                () -> cluster.allocator(allocatable, replicas),
                Map.of(),
                null));
        steps.add(
            t.step(
                "TargetImbalance",
                () -> cluster.allocator(perCollector(gatewayJob, 0), 100),
                () -> cluster.allocator(perCollector(gatewayJob, 0), 10),
                Map.of("collector_name", gatewayJob + "-0"),
                null));
        steps.add(
            t.step(
                "QueueVolume",
                () -> cluster.kubelet(volume("used", gatewayJob), 9.5e9),
                () -> cluster.kubelet(volume("used", gatewayJob), 1e9),
                Map.of("persistentvolumeclaim", "queue-" + gatewayJob + "-0"),
                null));

        System.out.printf("scenario took %.0f s%n", (System.nanoTime() - start) / 1e9);
      }
      System.out.println("series delivered: " + coralogix.names());
      System.out.println("label conflicts, not served: " + coralogix.conflicts());
      noConflicts(coralogix);
      assertThat(coralogix.names())
          .as("exactly the alerted cluster series pass the keep rules")
          .contains(
              "kubelet_node_name",
              "kubelet_volume_stats_capacity_bytes",
              "kubelet_volume_stats_used_bytes",
              "opentelemetry_allocator_collectors_allocatable",
              "opentelemetry_allocator_targets_per_collector")
          .doesNotContain("kubelet_running_pods", "opentelemetry_allocator_targets_remaining");
    } finally {
      LocalCollectors.deleteTree(work);
    }
    assertThat(steps.stream().map(Step::alert))
        .as("every alert of the stack has a step")
        .containsExactlyInAnyOrderElementsOf(alerts.keySet());
  }

  /** What one step measured. */
  record Step(
      String alert,
      boolean sustained,
      Duration window,
      double conditionAfterFault,
      double firedAfterCondition,
      double quietAfterConditionEnded,
      Map<String, String> labels,
      List<String> alsoFired) {}

  /** Polls Prometheus: each alert's instant condition and its state, and runs the steps. */
  private static final class Timeline {
    private final PrometheusServer prometheus;
    private final Map<String, CoralogixAlert> alerts;
    private final Map<String, Integer> windows;
    private final String application;

    Timeline(
        PrometheusServer prometheus,
        Map<String, CoralogixAlert> alerts,
        Map<String, Integer> windows,
        String application) {
      this.prometheus = prometheus;
      this.alerts = alerts;
      this.windows = windows;
      this.application = application;
    }

    /** Polls for {@code d}; per alert, whether it was neither pending nor firing throughout. */
    Map<String, Boolean> quietFor(Duration d) {
      Map<String, Boolean> quiet = new TreeMap<>();
      alerts.keySet().forEach(a -> quiet.put(a, true));
      long end = System.nanoTime() + d.toNanos();
      while (System.nanoTime() < end) {
        prometheus.alerts().forEach(a -> quiet.put(a.name(), false));
        Await.sleep(POLL);
      }
      return quiet;
    }

    /**
     * One alert's step: from every alert quiet, {@code fault} until it fires, then {@code repair}
     * until it is quiet again. {@code during} runs at every poll while the fault lasts. It must
     * fire with {@code expectedLabels} (and the environment's application): the labels it groups
     * by, each as the collectors' pipelines set it.
     */
    Step step(
        String id,
        Runnable fault,
        Runnable repair,
        Map<String, String> expectedLabels,
        Runnable during) {
      CoralogixAlert alert = alerts.get(id);
      int minutes = windows.get(id);
      boolean sustained = !ONCE_IN_THE_WINDOW.contains(id);
      Duration window = SCALE.minutes(minutes);
      String condition = alert.condition(SCALE);
      Await.until(
          PHASE.plus(window),
          "every alert to be quiet before the " + id + " step (active: " + active() + ")",
          () -> prometheus.alerts().isEmpty());
      assertThat(prometheus.returnsSeries(condition))
          .as("%s's condition before its fault", id)
          .isFalse();

      Map<String, String> expected = new TreeMap<>(expectedLabels);
      expected.put("cx_application_name", application);
      long faultAt = System.nanoTime();
      fault.run();
      long conditionAt =
          pollUntil(
              PHASE,
              id + "'s condition to hold for " + expected,
              () -> holds(condition, expected),
              during);
      long firedAt =
          pollUntil(
              PHASE.plus(window),
              id + " to fire with " + expected,
              () -> firing(id, expected) != null,
              during);
      Map<String, String> labels = firing(id, expected).labels();
      List<String> alsoFired =
          prometheus.alerts().stream()
              .filter(PrometheusServer.ActiveAlert::firing)
              .map(PrometheusServer.ActiveAlert::name)
              .filter(n -> !n.equals(id))
              .distinct()
              .toList();

      repair.run();
      long conditionEndedAt =
          pollUntil(
              PHASE, id + "'s condition to end", () -> !prometheus.returnsSeries(condition), null);
      long quietAt =
          pollUntil(
              PHASE.plus(window),
              id + " to be quiet",
              () -> prometheus.alerts().stream().noneMatch(a -> a.name().equals(id)),
              null);
      Step s =
          new Step(
              id,
              sustained,
              window,
              seconds(conditionAt - faultAt),
              seconds(firedAt - conditionAt),
              seconds(quietAt - conditionEndedAt),
              labels,
              alsoFired);
      System.out.println("step " + s);

      double w = window.toMillis() / 1e3;
      double slack = SLACK.toMillis() / 1e3;
      if (sustained) {
        assertThat(s.firedAfterCondition())
            .as(
                "%s fired %.1f s after its condition first held; its window is %d min, %.0f s at"
                    + " the proof's time scale, and the condition must hold for all of it",
                id, s.firedAfterCondition(), minutes, w)
            .isGreaterThanOrEqualTo(w - slack);
      } else {
        assertThat(s.firedAfterCondition())
            .as("%s fires on the first occurrence in its window", id)
            .isLessThanOrEqualTo(slack);
        assertThat(s.quietAfterConditionEnded())
            .as(
                "%s went quiet %.1f s after its condition last held; once in its %d-min window"
                    + " (%.0f s here) keeps it firing",
                id, s.quietAfterConditionEnded(), minutes, w)
            .isGreaterThanOrEqualTo(w - slack);
      }
      return s;
    }

    /** Whether {@code condition} returns a series carrying every one of {@code labels}. */
    private boolean holds(String condition, Map<String, String> labels) {
      return prometheus.query(condition).stream()
          .anyMatch(
              series ->
                  labels.entrySet().stream()
                      .allMatch(
                          l ->
                              l.getValue()
                                  .equals(series.path("metric").path(l.getKey()).asText())));
    }

    /** A firing instance of {@code id} carrying every one of {@code labels}, or null. */
    private PrometheusServer.ActiveAlert firing(String id, Map<String, String> labels) {
      return prometheus.alerts().stream()
          .filter(a -> a.firing() && a.name().equals(id))
          .filter(a -> a.labels().entrySet().containsAll(labels.entrySet()))
          .findFirst()
          .orElse(null);
    }

    private List<String> active() {
      return prometheus.alerts().stream()
          .map(a -> a.name() + (a.firing() ? " firing" : " pending"))
          .toList();
    }

    private long pollUntil(Duration timeout, String what, BooleanSupplier done, Runnable during) {
      long end = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < end) {
        if (done.getAsBoolean()) {
          return System.nanoTime();
        }
        if (during != null) {
          during.run();
        }
        Await.sleep(POLL);
      }
      throw new AssertionError(
          "timed out after "
              + timeout.toSeconds()
              + " s waiting for "
              + what
              + "; active: "
              + active()
              + "; scrape errors: "
              + prometheus.scrapeErrors());
    }

    private static double seconds(long nanos) {
      return Math.round(nanos / 1e8) / 10.0;
    }
  }

  /** Log lines written to one pod's file at a steady rate, a batch at every {@link #tick}. */
  private static final class LogLoad {
    private final Path file;
    private boolean running;
    private long next;

    LogLoad(Path file) {
      this.file = file;
    }

    void start() {
      running = true;
    }

    void stop() {
      running = false;
    }

    void tick() {
      if (running) {
        PodLogs.append(file, PodLogs.lines(next, 10, List.of(PodLogs.Kind.JSON_INFO)));
        next += 10;
      }
    }
  }

  /**
   * Fails on any series the alerts read (the collectors' own, the cluster's) whose attributes give
   * one label two values. The application's series are the recording rules' concern, not this
   * scenario's; their conflicts are printed at the end.
   */
  private static boolean noConflicts(CoralogixMetricsStandIn coralogix) {
    Map<String, String> read = new TreeMap<>(coralogix.conflicts());
    read.keySet()
        .removeIf(
            n ->
                !n.startsWith("otelcol_")
                    && !n.startsWith("kubelet_")
                    && !n.startsWith("opentelemetry_allocator_"));
    assertThat(read)
        .as("attributes that give one label two values, which Coralogix would have to choose from")
        .isEmpty();
    return true;
  }

  /** Error traces sent without retries, a batch at every {@link #send}; refusals ignored. */
  private static final class TraceLoad {
    private final OtlpGrpcSpanExporter exporter;

    TraceLoad(String endpoint) {
      exporter =
          OtlpGrpcSpanExporter.builder()
              .setEndpoint("http://" + endpoint)
              .setTimeout(Duration.ofSeconds(2))
              .setRetryPolicy(null)
              .build();
    }

    void send() {
      exporter
          .export(OtlpLoad.traces(OtlpLoad.TraceKind.ERROR, 100, 5, 0))
          .join(5, TimeUnit.SECONDS);
    }
  }

  /**
   * The middle of a replica's heap under the trace load, in MiB: sampled for five seconds, half way
   * between its lowest (after a collection) and highest reading.
   */
  private static long heapMiddleMib(LocalCollectors gateways, int replica, TraceLoad load) {
    double low = Double.MAX_VALUE;
    double high = 0;
    long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() < end) {
      load.send();
      double heap =
          SelfMetrics.sum(
              gateways.telemetryEndpoint(replica), "otelcol_process_runtime_heap_alloc_bytes");
      low = Math.min(low, heap);
      high = Math.max(high, heap);
    }
    long middle = Math.round((low + high) / 2 / (1 << 20));
    System.out.printf(
        "heap under load %.0f to %.0f MiB; limiter at %d MiB%n",
        low / (1 << 20), high / (1 << 20), middle + 1);
    return middle;
  }

  /**
   * The memory limiter refusing above {@code softMib}, checked every 100 ms: what it does when a
   * pod's live data sits near its limit (no cgroup limit exists here to take a percentage of).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> memoryLimit(Map<String, Object> config, long softMib) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    ((Map<String, Object>) copy.get("processors"))
        .put(
            "memory_limiter",
            Map.of("check_interval", "100ms", "limit_mib", softMib + 1, "spike_limit_mib", 1));
    return copy;
  }

  private static long lineIds = 1_000_000;

  private static void appendLines(Path log, int n) {
    PodLogs.append(log, PodLogs.lines(lineIds, n, List.of(PodLogs.Kind.JSON_INFO)));
    lineIds += n;
  }

  /** Writes lines while the agent's own queue reading is below {@code percent} full. */
  private static void fillAgentQueue(LocalCollectors agent, Path log, double percent) {
    double fill = queueFill(agent);
    if (fill < percent) {
      appendLines(log, fill < percent - 20 ? 40 : 5);
    }
  }

  /** Log records the agent could not enqueue so far, from its own telemetry endpoint. */
  private static double enqueueFailures(LocalCollectors agent) {
    return SelfMetrics.sum(
        agent.telemetryEndpoint(0), "otelcol_exporter_enqueue_failed_log_records");
  }

  /** The agent's logs queue fill in percent, from its own telemetry endpoint. */
  private static double queueFill(LocalCollectors agent) {
    String telemetry = agent.telemetryEndpoint(0);
    String logs = "data_type=\"logs\"";
    double capacity = SelfMetrics.sum(telemetry, "otelcol_exporter_queue_capacity", logs);
    return capacity == 0
        ? 0
        : 100 * SelfMetrics.sum(telemetry, "otelcol_exporter_queue_size", logs) / capacity;
  }

  /**
   * Each alert's window as the environment file states it ({@code monitoring.alerts.*.minutes}):
   * what the timings are held to, so that an alert synthesized with another window fails.
   */
  private static Map<String, Integer> windowsInTheEnvironmentFile(Environment env) {
    AlertsSettings a = env.monitoring().alerts();
    Map<String, Integer> w = new LinkedHashMap<>();
    w.put("QueueFill", a.queueFill().minutes());
    w.put("EnqueueFailures", a.enqueueFailures().minutes());
    w.put("SendFailures", a.sendFailures().minutes());
    w.put("RefusedData", a.refusedData().minutes());
    w.put("GatewayReplicas", a.gatewayReplicas().minutes());
    w.put("LogsAgents", a.logsAgents().minutes());
    w.put("UnassignedTargets", a.unassignedTargets().minutes());
    w.put("TargetImbalance", a.targetImbalance().minutes());
    w.put("QueueVolume", a.queueVolume().minutes());
    return w;
  }

  private static Environment withSmallQueue(Environment e) {
    QueueSettings q = e.queue();
    return new Environment(
        e.name(),
        e.file(),
        e.cluster(),
        e.state(),
        e.coralogix(),
        e.collector(),
        e.logs(),
        e.metrics(),
        e.traces(),
        new QueueSettings(q.enabled(), 8, q.numConsumers(), 16, q.pvcSizeGi(), q.storageClass()),
        e.hpa(),
        e.targetAllocator(),
        e.networkPolicy(),
        e.infrastructure(),
        e.monitoring(),
        e.tags());
  }

  /** The healthy cluster: balanced targets, a mostly empty queue volume. */
  private static void healthyCluster(ClusterMetricsStandIn cluster, String gateway, int replicas) {
    cluster.allocator(
        "opentelemetry_allocator_collectors_allocatable{strategy=\"consistent-hashing\"}",
        replicas);
    for (int i = 0; i < replicas; i++) {
      cluster.allocator(perCollector(gateway, i), 10);
    }
    cluster.kubelet(volume("used", gateway), 1e9);
    cluster.kubelet(volume("capacity", gateway), 1e10);
  }

  /**
   * The allocator's generated {@code kubelet} and {@code target-allocator} jobs, served for one
   * static target that Kubernetes discovery would describe as both the stand-in's node and an
   * allocator pod, at the proof's time scale. The kubelet job reaches the stand-in in the API
   * server's place, over plain HTTP without the service account's files.
   */
  @SuppressWarnings("unchecked")
  private static LocalSite.ScrapeTarget clusterJobs(
      GeneratedStack stack, ClusterMetricsStandIn cluster) {
    List<Map<String, Object>> jobs = new ArrayList<>();
    String allocatorRelease = null;
    for (Map<String, Object> generated : stack.scrapeConfigs()) {
      String name = String.valueOf(generated.get("job_name"));
      if (!name.equals(TargetAllocator.KUBELET_JOB)
          && !name.equals(TargetAllocator.ALLOCATOR_JOB)) {
        continue;
      }
      Map<String, Object> job = HelmValues.merge(generated, Map.of());
      String interval = SCALE.of(String.valueOf(job.get("scrape_interval")));
      job.put("scrape_interval", interval);
      job.put("scrape_timeout", interval);
      List<Map<String, Object>> relabel = (List<Map<String, Object>>) job.get("relabel_configs");
      if (name.equals(TargetAllocator.KUBELET_JOB)) {
        job.put("scheme", "http");
        job.remove("tls_config");
        job.remove("authorization");
        relabel.stream()
            .filter(r -> "kubernetes.default.svc:443".equals(r.get("replacement")))
            .forEach(r -> r.put("replacement", cluster.address()));
      } else {
        // The generated keep rule on the release label: the allocator's release name.
        allocatorRelease = String.valueOf(relabel.get(0).get("regex"));
      }
      jobs.add(job);
    }
    Map<String, String> discovered = new TreeMap<>();
    discovered.put("__meta_kubernetes_node_name", cluster.node());
    discovered.put("__meta_kubernetes_pod_label_app_kubernetes_io_instance", allocatorRelease);
    discovered.put("__meta_kubernetes_pod_container_port_number", "8080");
    discovered.put("__meta_kubernetes_pod_phase", "Running");
    discovered.put("__meta_kubernetes_pod_name", allocatorRelease + "-7c9d5-x2x4q");
    assertThat(jobs).as("the allocator's kubelet and target-allocator jobs").hasSize(2);
    return new LocalSite.ScrapeTarget(jobs, cluster.address(), discovered);
  }

  /** The collector's self-scrape ({@code prometheus/self}) at the proof's time scale. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> scaledSelfScrape(Map<String, Object> config) {
    Map<String, Object> copy = HelmValues.merge(config, Map.of());
    Map<String, Object> self =
        (Map<String, Object>) ((Map<String, Object>) copy.get("receivers")).get("prometheus/self");
    for (Object j :
        (List<Object>) ((Map<String, Object>) self.get("config")).get("scrape_configs")) {
      Map<String, Object> job = (Map<String, Object>) j;
      String interval = SCALE.of(String.valueOf(job.get("scrape_interval")));
      job.put("scrape_interval", interval);
      job.put("scrape_timeout", interval);
    }
    return copy;
  }

  private static String perCollector(String gateway, int i) {
    return "opentelemetry_allocator_targets_per_collector{collector_name=\""
        + gateway
        + "-"
        + i
        + "\",strategy=\"consistent-hashing\"}";
  }

  private static String volume(String kind, String gateway) {
    return "kubelet_volume_stats_"
        + kind
        + "_bytes{namespace=\"observability\",persistentvolumeclaim=\"queue-"
        + gateway
        + "-0\"}";
  }

  /** The job name of the collector's self-scrape, which becomes its {@code service_name}. */
  @SuppressWarnings("unchecked")
  private static String selfJob(Map<String, Object> config) {
    Map<String, Object> receivers = (Map<String, Object>) config.get("receivers");
    Map<String, Object> self = (Map<String, Object>) receivers.get("prometheus/self");
    Map<String, Object> scrape = (Map<String, Object>) self.get("config");
    List<Map<String, Object>> jobs = (List<Map<String, Object>>) scrape.get("scrape_configs");
    return (String) jobs.get(0).get("job_name");
  }
}
