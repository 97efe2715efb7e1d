package io.otelstack.constructs.logs;

import static io.otelstack.constructs.logs.LogsFixture.at;
import static io.otelstack.constructs.logs.LogsFixture.config;
import static io.otelstack.constructs.logs.LogsFixture.effective;
import static io.otelstack.constructs.logs.LogsFixture.list;
import static io.otelstack.constructs.logs.LogsFixture.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LogsDaemonSetTest {
  private final LogsFixture f = new LogsFixture();

  private static List<String> dropConditions(LogsDaemonSet agent) {
    return list(at(config(agent), "processors", "filter/drop", "log_conditions")).stream()
        .map(String::valueOf)
        .toList();
  }

  /** The regex of the condition matching request paths, as Java reads it. */
  private static Pattern endpointPattern(LogsDaemonSet agent) {
    String condition =
        dropConditions(agent).stream().filter(c -> c.contains("/health")).findFirst().orElseThrow();
    Matcher m = Pattern.compile("IsMatch\\(log\\.body, \"(.*)\"\\)").matcher(condition);
    assertThat(m.matches()).as(condition).isTrue();
    return Pattern.compile(m.group(1));
  }

  @Test
  void runsTheChartInDaemonSetMode() {
    assertThat(effective(f.agent(f.props().build())).get("mode")).isEqualTo("daemonset");
  }

  @Test
  void readsEveryContainerLogOnTheNode() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(list(at(config, "receivers", "file_log", "include")))
        .containsExactly("/var/log/pods/*/*/*.log");
  }

  @Test
  void excludesTheAgentsOwnLogs() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(list(at(config, "receivers", "file_log", "exclude")))
        .containsExactly("/var/log/pods/observability-agents_otel-logs-*_*/*/*.log");
  }

  @Test
  void excludesExtraGlobsFromProps() {
    Map<String, Object> config =
        config(
            f.agent(p -> p.extraFilelogExcludes(List.of("/var/log/pods/observability_*/*/*.log"))));

    assertThat(list(at(config, "receivers", "file_log", "exclude")))
        .contains("/var/log/pods/observability_*/*/*.log");
  }

  @Test
  void recordsFilePathsButNotFileNames() {
    Map<String, Object> filelog =
        map(at(config(f.agent(f.props().build())), "receivers", "file_log"));

    assertThat(filelog).containsEntry("include_file_path", true);
    assertThat(filelog).containsEntry("include_file_name", false);
  }

  @Test
  void parsesTheContainerRuntimeFormat() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(list(at(config, "receivers", "file_log", "operators")))
        .singleElement()
        .satisfies(op -> assertThat(map(op)).containsEntry("type", "container"));
  }

  @Test
  void readsNewFilesFromTheBeginning() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "receivers", "file_log", "start_at")).isEqualTo("beginning");
  }

  @Test
  void storesCheckpointsInFileStorageOnTheNode() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "receivers", "file_log", "storage"))
        .isEqualTo("file_storage/checkpoints");
    assertThat(at(config, "extensions", "file_storage/checkpoints", "directory"))
        .isEqualTo("/var/lib/otel-stack/otel-logs/checkpoints");
    assertThat(list(at(config, "service", "extensions"))).contains("file_storage/checkpoints");
  }

  @Test
  void mountsTheNodeStateDirectoryAsAHostPathThatOutlivesThePod() {
    Map<String, Object> values = f.agent(f.props().build()).values();

    assertThat(list(values.get("extraVolumes")))
        .contains(
            Map.of(
                "name",
                "state",
                "hostPath",
                Map.of("path", "/var/lib/otel-stack/otel-logs", "type", "DirectoryOrCreate")));
    assertThat(list(values.get("extraVolumeMounts")))
        .contains(Map.of("name", "state", "mountPath", "/var/lib/otel-stack/otel-logs"));
  }

  @Test
  void mountsThePodLogDirectoriesReadOnly() {
    Map<String, Object> values = f.agent(f.props().build()).values();

    assertThat(list(values.get("extraVolumeMounts")))
        .contains(
            Map.of("name", "varlogpods", "mountPath", "/var/log/pods", "readOnly", true),
            Map.of(
                "name",
                "varlibdockercontainers",
                "mountPath",
                "/var/lib/docker/containers",
                "readOnly",
                true));
  }

  @Test
  void keepsEveryChartPresetDisabled() {
    Map<String, Object> presets = map(effective(f.agent(f.props().build())).get("presets"));

    // A preset is on through its own flag or, for those without one (annotationDiscovery),
    // through any of its parts.
    List<String> enabled = new ArrayList<>();
    presets.forEach(
        (name, preset) -> {
          Map<String, Object> p = map(preset);
          if (p.containsKey("enabled")) {
            if (Boolean.TRUE.equals(p.get("enabled"))) {
              enabled.add(name);
            }
          } else {
            p.forEach(
                (part, v) -> {
                  if (v instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("enabled"))) {
                    enabled.add(name + "." + part);
                  }
                });
          }
        });
    assertThat(enabled).isEmpty();
  }

  @Test
  void dropsHealthAndReadinessRequestLines() {
    Pattern endpoints = endpointPattern(f.agent(f.props().build()));

    assertThat(endpoints.matcher("10.0.1.7 - - \"GET /health HTTP/1.1\" 200 2").find()).isTrue();
    assertThat(endpoints.matcher("{\"path\":\"/ready\",\"status\":200}").find()).isTrue();
    assertThat(endpoints.matcher("GET /health?verbose=1 200").find()).isTrue();
  }

  @Test
  void keepsPathsThatOnlyResembleHealthChecks() {
    Pattern endpoints = endpointPattern(f.agent(f.props().build()));

    assertThat(endpoints.matcher("GET /api/health 200").find()).isFalse();
    assertThat(endpoints.matcher("GET /healthz 200").find()).isFalse();
    assertThat(endpoints.matcher("GET /ready/orders 200").find()).isFalse();
  }

  @Test
  void dropsTheEnvironmentsExtraEndpoints() {
    Pattern endpoints = endpointPattern(f.agent(f.prodLike()));

    assertThat(endpoints.matcher("GET /metrics 200").find()).isTrue();
    assertThat(endpoints.matcher("GET /livez 200").find()).isTrue();
    assertThat(endpoints.matcher("GET /orders 200").find()).isFalse();
  }

  @Test
  void dropsDebugLogsInProd() {
    assertThat(dropConditions(f.agent(f.prodLike())))
        .contains(
            "log.severity_number < SEVERITY_NUMBER_INFO"
                + " and log.severity_number != SEVERITY_NUMBER_UNSPECIFIED");
  }

  @Test
  void dropsUnparsedDebugLinesInProd() {
    String condition =
        dropConditions(f.agent(f.prodLike())).stream()
            .filter(c -> c.startsWith("log.severity_number == SEVERITY_NUMBER_UNSPECIFIED"))
            .findFirst()
            .orElseThrow();
    Matcher m = Pattern.compile(".*IsMatch\\(log\\.body, \"(.*)\"\\)").matcher(condition);
    assertThat(m.matches()).isTrue();
    // Java spells the POSIX class RE2 uses differently, and reads '[' in a class as a union.
    Pattern debug =
        Pattern.compile(m.group(1).replace("[[:space:]]", "\\s").replace("[[(]", "[\\[(]"));

    assertThat(debug.matcher("DEBUG connecting to db").find()).isTrue();
    assertThat(debug.matcher("2025-01-02T03:04:05Z [debug] cache miss").find()).isTrue();
    assertThat(debug.matcher("ts=1 level=debug msg=x").find()).isTrue();
    assertThat(debug.matcher("INFO debugging session opened").find()).isFalse();
  }

  @Test
  void keepsDebugLogsInDev() {
    List<String> conditions = dropConditions(f.agent(f.devLike()));

    assertThat(conditions)
        .contains(
            "log.severity_number < SEVERITY_NUMBER_DEBUG"
                + " and log.severity_number != SEVERITY_NUMBER_UNSPECIFIED");
    assertThat(conditions).noneMatch(c -> c.contains("SEVERITY_NUMBER_INFO"));
    assertThat(conditions).noneMatch(c -> c.contains("(trace|debug)"));
  }

  @Test
  void keepsEverySeverityWithATraceThreshold() {
    assertThat(dropConditions(f.agent(p -> p.severityThreshold(LogSeverity.TRACE))))
        .noneMatch(c -> c.contains("log.severity_number <"));
  }

  @Test
  void parsesJsonBodiesAndMapsTheirLevelToASeverityNumber() {
    List<Object> statements =
        list(
            at(
                config(f.agent(f.props().build())),
                "processors",
                "transform/parse",
                "log_statements"));

    assertThat(statements.get(0).toString()).startsWith("merge_maps(log.attributes, ParseJSON(");
    assertThat(statements)
        .contains(
            "set(log.severity_text, log.attributes[\"level\"]) where log.severity_text == \"\""
                + " and IsString(log.attributes[\"level\"])",
            "set(log.severity_number, SEVERITY_NUMBER_WARN) where log.severity_number =="
                + " SEVERITY_NUMBER_UNSPECIFIED and IsMatch(log.severity_text, \"(?i)^warn\")");
  }

  @Test
  void leavesBodiesUnparsedWhenParseJsonIsOff() {
    Map<String, Object> config = config(f.agent(p -> p.parseJson(false)));

    assertThat(map(config.get("processors"))).doesNotContainKey("transform/parse");
  }

  @Test
  void putsMemoryLimiterFirstInEveryPipeline() {
    Map<String, Object> pipelines = map(at(config(f.agent(f.prodLike())), "service", "pipelines"));

    assertThat(pipelines).containsOnlyKeys("logs", "metrics/infrastructure", "metrics/self");
    pipelines.forEach(
        (id, p) ->
            assertThat(list(map(p).get("processors"))).as(id).first().isEqualTo("memory_limiter"));
  }

  @Test
  void filtersBeforeItLooksUpPodMetadata() {
    assertThat(
            list(
                at(
                    config(f.agent(f.props().build())),
                    "service",
                    "pipelines",
                    "logs",
                    "processors")))
        .containsExactly(
            "memory_limiter",
            "transform/parse",
            "filter/drop",
            "k8s_attributes",
            "resource_detection/node");
  }

  @Test
  void hasNoBatchProcessorInFrontOfThePersistentQueue() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(map(config.get("processors"))).doesNotContainKey("batch");
  }

  @Test
  void removesTheChartsDefaultComponents() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(map(config.get("receivers")))
        .containsOnlyKeys("file_log", "kubelet_stats", "host_metrics", "prometheus/self");
    assertThat(map(config.get("exporters"))).containsOnlyKeys("coralogix", "coralogix/metrics");
  }

  @Test
  void readsTheExporterKeyFromTheEnvironment() {
    assertThat(at(config(f.agent(f.props().build())), "exporters", "coralogix", "private_key"))
        .isEqualTo("${env:CORALOGIX_PRIVATE_KEY}");
  }

  @Test
  void queuesOnTheNodesFileStorageWithBatchingInsideTheQueue() {
    Map<String, Object> config = config(f.agent(f.props().build()));
    Map<String, Object> queue = map(at(config, "exporters", "coralogix", "sending_queue"));

    assertThat(queue).containsEntry("storage", "file_storage/queue");
    // 5000 batches of 512 KiB, counted in bytes.
    assertThat(queue)
        .containsEntry("sizer", "bytes")
        .containsEntry("queue_size", 5000L * 512 * 1024);
    assertThat(queue).containsEntry("num_consumers", 10);
    assertThat(queue).containsKey("batch");
    assertThat(at(config, "extensions", "file_storage/queue", "directory"))
        .isEqualTo("/var/lib/otel-stack/otel-logs/queue");
  }

  @Test
  void retriesSendsWithBackoff() {
    Map<String, Object> retry =
        map(at(config(f.agent(f.props().build())), "exporters", "coralogix", "retry_on_failure"));

    assertThat(retry)
        .containsEntry("enabled", true)
        .containsKeys("initial_interval", "max_interval");
  }

  @Test
  void sizesTheQueueFromProps() {
    Map<String, Object> queue =
        map(
            at(
                config(f.agent(p -> p.queueSizeBatches(2000).queueNumConsumers(4))),
                "exporters",
                "coralogix",
                "sending_queue"));

    assertThat(queue)
        .containsEntry("queue_size", 2000L * 512 * 1024)
        .containsEntry("num_consumers", 4);
  }

  @Test
  void sendsToTheConfiguredCoralogixAccount() {
    Map<String, Object> exporter =
        map(
            at(
                config(f.agent(p -> p.coralogixDomain("us2.coralogix.com"))),
                "exporters",
                "coralogix"));

    assertThat(exporter)
        .containsEntry("domain", "us2.coralogix.com")
        .containsEntry("application_name", "otel-stack")
        .containsEntry("subsystem_name", "logs");
  }

  @Test
  void watchesOnlyThePodsOfItsOwnNode() {
    LogsDaemonSet agent = f.agent(f.props().build());

    assertThat(at(config(agent), "processors", "k8s_attributes", "filter", "node_from_env_var"))
        .isEqualTo("K8S_NODE_NAME");
    assertThat(list(agent.values().get("extraEnvs")))
        .contains(
            Map.of(
                "name",
                "K8S_NODE_NAME",
                "valueFrom",
                Map.of("fieldRef", Map.of("apiVersion", "v1", "fieldPath", "spec.nodeName"))));
  }

  @Test
  void associatesLogsWithPodsByThePathAttributes() {
    List<Object> associations =
        list(
            at(
                config(f.agent(f.props().build())),
                "processors",
                "k8s_attributes",
                "pod_association"));

    assertThat(associations.get(0))
        .isEqualTo(
            Map.of(
                "sources", List.of(Map.of("from", "resource_attribute", "name", "k8s.pod.uid"))));
  }

  @Test
  void extractsNamespacePodContainerAndDeployment() {
    List<Object> metadata =
        list(
            at(
                config(f.agent(f.props().build())),
                "processors",
                "k8s_attributes",
                "extract",
                "metadata"));

    assertThat(metadata)
        .contains(
            "k8s.namespace.name", "k8s.pod.name", "k8s.container.name", "k8s.deployment.name");
  }

  @Test
  void grantsOnlyTheReadsThePodMetadataNeeds() {
    Map<String, Object> clusterRole = map(f.agent(f.props().build()).values().get("clusterRole"));

    assertThat(clusterRole).containsEntry("create", true);
    assertThat(list(clusterRole.get("rules")))
        .containsExactly(
            Map.of(
                "apiGroups", List.of(""),
                "resources", List.of("pods"),
                "verbs", List.of("get", "list", "watch")),
            Map.of(
                "apiGroups", List.of("apps"),
                "resources", List.of("replicasets"),
                "verbs", List.of("get", "list", "watch")),
            Map.of(
                "apiGroups", List.of(""),
                "resources", List.of("nodes/stats"),
                "verbs", List.of("get")));
  }

  @Test
  void grantsNoKubeletReadWithoutKubeletMetrics() {
    Map<String, Object> clusterRole =
        map(f.agent(f.props().kubeletMetrics(false).build()).values().get("clusterRole"));

    assertThat(list(clusterRole.get("rules")).toString()).doesNotContain("nodes/");
  }

  @Test
  void shipsKubeletAndHostMetricsThroughTheGuardrailToTheirOwnExporter() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "service", "pipelines", "metrics/infrastructure"))
        .isEqualTo(
            Map.of(
                "receivers", List.of("kubelet_stats", "host_metrics"),
                "processors",
                    List.of(
                        "memory_limiter",
                        "k8s_attributes",
                        "resource_detection/node",
                        "filter/infrastructure"),
                "exporters", List.of("coralogix/metrics")));
    assertThat(at(config, "exporters", "coralogix/metrics", "subsystem_name")).isEqualTo("metrics");
    assertThat(at(config, "exporters", "coralogix/metrics", "sending_queue", "storage"))
        .isEqualTo("file_storage/queue");
    assertThat(at(config, "receivers", "kubelet_stats", "endpoint"))
        .isEqualTo("https://${env:OTEL_K8S_NODE_IP}:10250");
    assertThat(at(config, "receivers", "host_metrics", "root_path")).isEqualTo("/hostfs");
  }

  @Test
  void leavesTheMetricsPipelineOutWhenNeitherReceiverIsOn() {
    Map<String, Object> config =
        config(f.agent(f.props().kubeletMetrics(false).hostMetrics(false).build()));

    assertThat(map(at(config, "service", "pipelines"))).doesNotContainKey("metrics/infrastructure");
  }

  @Test
  void mountsNoHostRootWithoutHostMetrics() {
    assertThat(
            f.agent(f.props().hostMetrics(false).build()).values().get("extraVolumes").toString())
        .doesNotContain("hostfs");
  }

  @Test
  void mountsTheHostRootReadOnlyForHostMetrics() {
    Map<String, Object> values = f.agent(f.props().build()).values();

    assertThat(list(values.get("extraVolumeMounts")))
        .contains(
            Map.of(
                "name", "hostfs",
                "mountPath", "/hostfs",
                "readOnly", true,
                "mountPropagation", "HostToContainer"));
  }

  @Test
  void namesTheClusterAndItsCloudForTheEnvDetector() {
    assertThat(list(f.agent(f.props().build()).values().get("extraEnvs")))
        .contains(
            Map.of(
                "name",
                "OTEL_RESOURCE_ATTRIBUTES",
                "value",
                "k8s.cluster.name=otel-stack-eks,cloud.provider=aws,cloud.platform=aws_eks"));
  }

  @Test
  void exportsItsOwnMetricsThroughTheSelfPipeline() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "service", "pipelines", "metrics/self"))
        .isEqualTo(
            Map.of(
                "receivers", List.of("prometheus/self"),
                "processors", List.of("memory_limiter", "resource_detection/node"),
                "exporters", List.of("coralogix")));
    Map<String, Object> job =
        map(list(at(config, "receivers", "prometheus/self", "config", "scrape_configs")).get(0));
    assertThat(job.get("static_configs"))
        .isEqualTo(List.of(Map.of("targets", List.of("${env:MY_POD_IP}:8888"))));
  }

  @Test
  void servesItsOwnMetricsWhereTheSelfPipelineScrapes() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "service", "telemetry", "metrics", "readers"))
        .isEqualTo(
            List.of(
                Map.of(
                    "pull",
                    Map.of(
                        "exporter",
                        Map.of("prometheus", Map.of("host", "${env:MY_POD_IP}", "port", 8888))))));
  }

  @Test
  void answersTheChartsProbesWithTheHealthCheckExtension() {
    Map<String, Object> config = config(f.agent(f.props().build()));

    assertThat(at(config, "extensions", "health_check", "endpoint"))
        .isEqualTo("${env:MY_POD_IP}:13133");
    assertThat(list(at(config, "service", "extensions"))).contains("health_check");
  }

  @Test
  void setsRequestsAndLimits() {
    assertThat(effective(f.agent(f.props().build())).get("resources"))
        .isEqualTo(
            Map.of(
                "requests", Map.of("cpu", "100m", "memory", "256Mi"),
                "limits", Map.of("cpu", "500m", "memory", "512Mi")));
  }

  @Test
  void runsOnEveryNodeIncludingTaintedOnes() {
    assertThat(f.agent(f.props().build()).values().get("tolerations"))
        .isEqualTo(List.of(Map.of("operator", "Exists")));
  }

  @Test
  void runsUnderItsOwnPriorityClass() {
    LogsDaemonSet agent = f.agent(f.props().build());
    JsonNode priorityClass =
        Synth.onlyResource(Synth.json(f.stack), "kubernetes_priority_class_v1");

    assertThat(agent.values().get("priorityClassName")).isEqualTo("otel-logs-node-critical");
    assertThat(priorityClass.at("/metadata/name").asText()).isEqualTo("otel-logs-node-critical");
    assertThat(priorityClass.at("/value").asInt()).isEqualTo(1_000_000);
    assertThat(priorityClass.at("/preemption_policy").asText()).isEqualTo("PreemptLowerPriority");
    assertThat(priorityClass.at("/global_default").asBoolean()).isFalse();
  }

  @Test
  void runsAsRootWithoutCapabilitiesToReadRootOwnedLogs() {
    Map<String, Object> values = effective(f.agent(f.props().build()));

    assertThat(map(values.get("podSecurityContext"))).containsEntry("runAsUser", 0);
    assertThat(map(values.get("securityContext")))
        .containsEntry("allowPrivilegeEscalation", false)
        .containsEntry("readOnlyRootFilesystem", true)
        .containsEntry("capabilities", Map.of("drop", List.of("ALL")));
  }

  @Test
  void opensNoPortsOnTheNode() {
    Map<String, Object> ports = map(effective(f.agent(f.props().build())).get("ports"));

    ports.forEach((name, port) -> assertThat(map(port)).as(name).containsEntry("enabled", false));
  }

  @Test
  void releasesThePinnedChartIntoTheAgentNamespace() {
    f.agent(f.props().build());
    JsonNode release = Synth.onlyResource(Synth.json(f.stack), "helm_release");

    assertThat(release.at("/name").asText()).isEqualTo("otel-logs");
    assertThat(release.at("/namespace").asText()).isEqualTo("observability-agents");
    assertThat(release.at("/chart").asText()).isEqualTo("opentelemetry-collector");
    assertThat(release.at("/version").asText()).isEqualTo("0.170.0");
  }

  @Test
  void rendersTheValuesItExposes() {
    LogsDaemonSet agent = f.agent(f.prodLike());
    JsonNode release = Synth.onlyResource(Synth.json(f.stack), "helm_release");

    assertThat(UpstreamCharts.releaseValues(release)).isEqualTo(agent.values());
  }

  @Test
  void neverInlinesThePrivateKeyIntoHelmValues() {
    f.agent(f.props().build());
    JsonNode release = Synth.onlyResource(Synth.json(f.stack), "helm_release");

    assertThat(release.at("/values/0").asText()).doesNotContain("${var.").doesNotContain("${data.");
  }

  @Test
  void keepsItsTerraformAddresses() {
    f.agent(f.props().build());
    JsonNode resources = Synth.json(f.stack).path("resource");

    assertThat(resources.path("helm_release").fieldNames())
        .toIterable()
        .containsExactly("Logs_6819BB44");
    assertThat(resources.path("kubernetes_priority_class_v1").fieldNames())
        .toIterable()
        .containsExactly("Logs_PriorityClass_A1CDFC99");
  }
}
