package io.otelstack.proof;

import static org.assertj.core.api.Assertions.assertThat;

import com.hashicorp.cdktf.Testing;
import io.grpc.Status;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.otelstack.config.Environment;
import io.otelstack.config.QueueSettings;
import io.otelstack.constructs.coralogix.MetricAlert;
import io.otelstack.constructs.coralogix.MetricAlertProps;
import io.otelstack.stacks.CoralogixStack;
import io.otelstack.testing.Environments;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every alert of {@code <env>-coralogix} evaluated for real: the environment's collectors (the real
 * distribution, the generated configurations, {@code hpa.minReplicas} gateway replicas and a logs
 * agent, on loopback as the other proof scenarios run them) scraped by a real Prometheus, which
 * evaluates each alert's firing expression (its PromQL against its threshold) through the HTTP
 * query API: quiet while everything is healthy, firing once its condition is produced.
 *
 * <p>Two documented departures from the generated configuration, both sizes rather than behaviour:
 * the queue is made small ({@code queue.sizeBatches} 8 of 16 KiB) so that an outage fills it in
 * seconds, and the replica under memory pressure gets a memory limiter limit below its live heap,
 * since no cgroup limit exists here. Kubelet and Target Allocator metrics come from {@link
 * ClusterMetricsStandIn}, a named stand-in.
 */
@Tag("integration")
class CollectorAlertsProofTest {
  private static final Duration FIRE = Duration.ofSeconds(90);
  private static final String NODE = "proof-node";

  @Test
  void everyAlertStaysQuietWhenHealthyAndFiresOnItsCondition() throws Exception {
    Environment prod = Environments.load(System.getProperty("proof.environment", "prod"));
    Environment env = withSmallQueue(prod);
    GeneratedStack stack = GeneratedStack.of(env);
    Map<String, MetricAlertProps> alerts = new LinkedHashMap<>();
    for (MetricAlert a :
        new CoralogixStack(Testing.app(), env.name() + "-coralogix", env).alerts().alerts()) {
      alerts.put(a.getNode().getId(), a.props());
    }
    int replicas = env.hpa().minReplicas();
    String app = env.coralogix().applicationName();
    Map<String, Boolean> quiet = new LinkedHashMap<>();
    Map<String, Boolean> fired = new LinkedHashMap<>();

    Path work = LocalCollectors.tempDir("alerts");
    try (OtlpSink sink = new OtlpSink().start();
        ClusterMetricsStandIn cluster = new ClusterMetricsStandIn();
        PrometheusEndpoint application = new PrometheusEndpoint();
        LocalCollectors gateways =
            LocalCollectors.statefulSet(
                stack,
                replicas,
                work,
                sink,
                work.resolve("pods"),
                stack.scrapeTarget(application.address()));
        LocalCollectors agent =
            LocalCollectors.daemonSet(stack, work, sink, work.resolve("pods"), null)) {
      java.nio.file.Files.createDirectories(work.resolve("pods"));
      String gatewayJob = selfJob(stack.statefulSetConfig());
      String agentJob = selfJob(stack.daemonSetConfig());
      healthyCluster(cluster, gatewayJob, replicas);
      List<PrometheusServer.Target> targets = new ArrayList<>();
      for (int i = 0; i < replicas; i++) {
        gateways.start(i);
        targets.add(target(gatewayJob + "-" + i, gateways.telemetryEndpoint(i), app, gatewayJob));
      }
      agent.start(0);
      targets.add(target(agentJob + "-0", agent.telemetryEndpoint(0), app, agentJob));
      targets.add(
          new PrometheusServer.Target(
              "cluster-stand-in", cluster.address(), Map.of("cx_application_name", app)));

      try (PrometheusServer prometheus = new PrometheusServer(work, targets)) {
        long start = System.nanoTime();
        // Healthy: every collector up, the backend accepting, traffic flowing.
        for (int i = 0; i < replicas; i++) {
          send(gateways.otlpEndpoint(i), 200);
        }
        Await.until(
            FIRE,
            "Prometheus to see " + replicas + " gateways and a logs agent",
            () ->
                prometheus.returnsSeries(
                    "count(otelcol_process_uptime{service_name=\""
                        + gatewayJob
                        + "\"}) == "
                        + replicas));
        Await.sleep(Duration.ofSeconds(10));
        alerts.forEach((id, a) -> quiet.put(id, !prometheus.returnsSeries(a.firingExpression())));
        alerts.forEach(
            (id, a) ->
                System.out.println(
                    "healthy: " + id + " query returns " + prometheus.query(a.promql())));

        // The backend goes down; replica 0's queue fills, then overflows.
        sink.stop();
        fired.put(
            "QueueFill", loadUntil(gateways.otlpEndpoint(0), prometheus, alerts.get("QueueFill")));
        fired.put(
            "EnqueueFailures",
            loadUntil(gateways.otlpEndpoint(0), prometheus, alerts.get("EnqueueFailures")));

        // A gateway replica stops.
        gateways.process(replicas - 1).close();
        fired.put("GatewayReplicas", fires(prometheus, alerts.get("GatewayReplicas")));

        // It comes back under memory pressure: the memory limiter refuses what it receives.
        gateways.reconfigure(replicas - 1, CollectorAlertsProofTest::memoryPressure);
        gateways.start(replicas - 1);
        fired.put(
            "RefusedData",
            loadUntil(gateways.otlpEndpoint(replicas - 1), prometheus, alerts.get("RefusedData"))
                && Await.poll(
                    FIRE,
                    () ->
                        firing(prometheus, alerts.get("RefusedData"))
                            .contains("\"processor\":\"memory_limiter\"")));

        // The backend comes back but rejects the data (a revoked key): sends fail for good.
        sink.refuse(Status.PERMISSION_DENIED);
        sink.start();
        fired.put(
            "SendFailures",
            loadUntil(gateways.otlpEndpoint(0), prometheus, alerts.get("SendFailures")));

        // Cluster-side conditions, from the stand-in.
        cluster.set("kubelet_node_name{node=\"node-without-agent\"}", 1);
        fired.put("LogsAgents", fires(prometheus, alerts.get("LogsAgents")));
        cluster.set(
            "opentelemetry_allocator_collectors_allocatable{strategy=\"consistent-hashing\"}", 0);
        fired.put("UnassignedTargets", fires(prometheus, alerts.get("UnassignedTargets")));
        cluster.set(perCollector(gatewayJob, 0), 100);
        fired.put("TargetImbalance", fires(prometheus, alerts.get("TargetImbalance")));
        cluster.set(volume("used", gatewayJob), 9.5e9);
        fired.put("QueueVolume", fires(prometheus, alerts.get("QueueVolume")));
        alerts.forEach(
            (id, a) ->
                System.out.println("firing at the end: " + id + ": " + firing(prometheus, a)));
        System.out.printf("scenario took %.0f s%n", (System.nanoTime() - start) / 1e9);
      }
    } finally {
      LocalCollectors.deleteTree(work);
    }
    alerts.forEach(
        (id, a) ->
            System.out.printf(
                "alert %-18s quiet when healthy: %-5s fired on its condition: %-5s  %s%n",
                id, quiet.get(id), fired.get(id), a.firingExpression()));
    assertThat(quiet).as("alerts quiet while healthy").containsOnlyKeys(alerts.keySet());
    assertThat(quiet.values()).as("alerts quiet while healthy: %s", quiet).containsOnly(true);
    assertThat(fired).as("alerts fired on their condition").containsOnlyKeys(alerts.keySet());
    assertThat(fired.values()).as("alerts fired on their condition: %s", fired).containsOnly(true);
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
        e.monitoring(),
        e.tags());
  }

  /** The healthy cluster: one node with its agent, balanced targets, a mostly empty volume. */
  private static void healthyCluster(ClusterMetricsStandIn cluster, String gateway, int replicas) {
    cluster.set("kubelet_node_name{node=\"" + NODE + "\"}", 1);
    cluster.set(
        "opentelemetry_allocator_collectors_allocatable{strategy=\"consistent-hashing\"}",
        replicas);
    for (int i = 0; i < replicas; i++) {
      cluster.set(perCollector(gateway, i), 10);
    }
    cluster.set(volume("used", gateway), 1e9);
    cluster.set(volume("capacity", gateway), 1e10);
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

  private static PrometheusServer.Target target(
      String job, String address, String app, String collector) {
    return new PrometheusServer.Target(
        job,
        address,
        Map.of(
            "cx_application_name", app,
            "service_name", collector,
            "k8s_pod_name", job,
            "k8s_node_name", NODE));
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

  /** The memory limiter set below the live heap: what it does when the pod nears its limit. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> memoryPressure(Map<String, Object> config) {
    Map<String, Object> copy = io.otelstack.internal.HelmValues.merge(config, Map.of());
    Map<String, Object> processors = (Map<String, Object>) copy.get("processors");
    processors.put(
        "memory_limiter", Map.of("check_interval", "1s", "limit_mib", 1, "spike_limit_mib", 0));
    return copy;
  }

  private static boolean fires(PrometheusServer prometheus, MetricAlertProps alert) {
    return Await.poll(FIRE, () -> prometheus.returnsSeries(alert.firingExpression()));
  }

  /** What an alert fires on now, one line per series: its labels and value. */
  private static String firing(PrometheusServer prometheus, MetricAlertProps alert) {
    StringBuilder out = new StringBuilder();
    for (var series : prometheus.query(alert.firingExpression())) {
      out.append(series.path("metric")).append(" = ").append(series.path("value").get(1).asText());
      out.append("; ");
    }
    return out.toString();
  }

  /** Sends metric points to {@code endpoint}, without retrying, until the alert fires. */
  private static boolean loadUntil(
      String endpoint, PrometheusServer prometheus, MetricAlertProps alert) {
    BooleanSupplier firing = () -> prometheus.returnsSeries(alert.firingExpression());
    long deadline = System.nanoTime() + FIRE.toNanos();
    int round = 0;
    while (System.nanoTime() < deadline) {
      if (firing.getAsBoolean()) {
        return true;
      }
      send(endpoint, 50, "r" + round++ + "-");
    }
    return firing.getAsBoolean();
  }

  private static void send(String endpoint, int collections) {
    send(endpoint, collections, "h-");
  }

  /** One export per collection of 100 points; failures (refusals, a full queue) are ignored. */
  private static void send(String endpoint, int collections, String prefix) {
    OtlpGrpcMetricExporter exporter =
        OtlpGrpcMetricExporter.builder()
            .setEndpoint("http://" + endpoint)
            .setTimeout(Duration.ofSeconds(2))
            .setRetryPolicy(null)
            .build();
    try {
      for (List<MetricData> c : OtlpLoad.metricPoints(prefix, collections * 100, 100)) {
        exporter.export(c).join(5, TimeUnit.SECONDS);
      }
    } finally {
      exporter.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
