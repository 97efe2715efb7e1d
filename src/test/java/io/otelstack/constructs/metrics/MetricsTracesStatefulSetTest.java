package io.otelstack.constructs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.Kind;
import io.otelstack.collector.MetricsTracesCollector;
import io.otelstack.collector.Pipeline;
import io.otelstack.constructs.cluster.Taint;
import io.otelstack.constructs.cluster.TaintEffect;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.constructs.storage.EbsStorageClassProps;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

class MetricsTracesStatefulSetTest {

  private static MetricsTracesStatefulSet collector() {
    return Fixtures.collector(Synth.stack());
  }

  /** The collector configuration as the chart runs it: defaults merged with the release values. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> effectiveConfig(MetricsTracesStatefulSet c) {
    return (Map<String, Object>)
        UpstreamCharts.effective(CollectorChart.COLLECTOR, c.values()).get("config");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object o) {
    return (List<Object>) o;
  }

  private static Pipeline pipeline(MetricsTracesStatefulSet c, String id) {
    return c.collectorConfig().pipelines().stream()
        .filter(p -> p.id().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private static Map<String, Object> exporter(MetricsTracesStatefulSet c, String id) {
    return map(map(effectiveConfig(c).get("exporters")).get(id));
  }

  @Test
  void valuesPassTheUpstreamCollectorSchema() {
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, collector().values()))
        .isEmpty();
  }

  @Test
  void valuesWithEveryOptionPassTheUpstreamCollectorSchema() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c =
        new MetricsTracesStatefulSet(
            stack,
            "MetricsTraces",
            Fixtures.collectorProps(stack).queueEnabled(false).tracesKeepErrors(false).build());
    new TargetAllocator(stack, "TargetAllocator", Fixtures.allocatorProps(c).build());
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, c.values())).isEmpty();
  }

  @Test
  void runsAsAStatefulSetWithParallelPodManagement() {
    Map<String, Object> v = collector().values();
    assertThat(v).containsEntry("mode", "statefulset");
    assertThat(map(v.get("statefulset"))).containsEntry("podManagementPolicy", "Parallel");
  }

  @Test
  void claimsAReadWriteOnceQueueVolumeOfTheConfiguredSizeAndClass() {
    TerraformStack stack = Synth.stack();
    EbsStorageClass queueClass =
        new EbsStorageClass(
            stack, "QueueStorage", EbsStorageClassProps.builder().name("otel-queue").build());
    MetricsTracesStatefulSet c =
        new MetricsTracesStatefulSet(
            stack,
            "MetricsTraces",
            Fixtures.collectorProps(stack)
                .queuePvcSizeGi(20)
                .queueStorageClass(queueClass)
                .build());
    Object claims = map(c.values().get("statefulset")).get("volumeClaimTemplates");
    assertThat(claims)
        .isEqualTo(
            List.of(
                Map.of(
                    "metadata",
                    Map.of("name", "queue"),
                    "spec",
                    Map.of(
                        "accessModes",
                        List.of("ReadWriteOnce"),
                        "storageClassName",
                        "otel-queue",
                        "resources",
                        Map.of("requests", Map.of("storage", "20Gi"))))));
  }

  @Test
  void leavesTheStorageClassToTheClusterDefaultWhenNoneIsGiven() {
    Object claims = map(collector().values().get("statefulset")).get("volumeClaimTemplates");
    assertThat(map(map(((List<?>) claims).get(0)).get("spec")))
        .doesNotContainKey("storageClassName");
  }

  @Test
  void mountsTheQueueVolumeWhereFileStorageWrites() {
    MetricsTracesStatefulSet c = collector();
    Map<String, Object> storage =
        map(map(effectiveConfig(c).get("extensions")).get("file_storage/queue"));
    assertThat(c.values().get("extraVolumeMounts"))
        .isEqualTo(List.of(Map.of("name", "queue", "mountPath", storage.get("directory"))));
    assertThat(storage)
        .containsEntry("directory", MetricsTracesCollector.QUEUE_DIRECTORY)
        .containsEntry("recreate", true)
        .containsKey("compaction")
        .containsKey("timeout");
  }

  @Test
  void startsTheFileStorageExtension() {
    Map<String, Object> service = map(effectiveConfig(collector()).get("service"));
    assertThat(list(service.get("extensions"))).contains("file_storage/queue", "health_check");
  }

  @Test
  void wiresEveryExporterQueueToFileStorage() {
    MetricsTracesStatefulSet c = collector();
    for (String id : List.of("coralogix/metrics", "coralogix/logs", "load_balancing/sampling")) {
      assertThat(map(exporter(c, id).get("sending_queue")))
          .as(id)
          .containsEntry("enabled", true)
          .containsEntry("storage", "file_storage/queue");
    }
    assertThat(map(exporter(c, "coralogix/traces").get("sending_queue")))
        .containsEntry("enabled", true)
        .containsEntry("storage", "file_storage/sampled");
  }

  @Test
  void flushesEveryQueueWriteExceptTheSampledTracesOnes() {
    Map<String, Object> extensions = map(effectiveConfig(collector()).get("extensions"));

    assertThat(map(extensions.get("file_storage/queue"))).containsEntry("fsync", true);
    assertThat(map(extensions.get("file_storage/sampled")))
        .containsEntry("fsync", false)
        .containsEntry("directory", "/var/lib/otelcol/queue/sampled");
  }

  @Test
  void sizesTheQueuesWithTenConsumersAndFiveThousandBatchesByDefault() {
    Map<String, Object> queue =
        map(exporter(collector(), "coralogix/metrics").get("sending_queue"));
    // 5000 batches of 512 KiB, counted in bytes.
    assertThat(queue)
        .containsEntry("num_consumers", 10)
        .containsEntry("sizer", "bytes")
        .containsEntry("queue_size", 5000L * 512 * 1024);
  }

  @Test
  void sizesTheQueuesFromProps() {
    MetricsTracesStatefulSet c =
        Fixtures.collector(p -> p.queueNumConsumers(4).queueSizeBatches(2000));
    Map<String, Object> queue = map(exporter(c, "coralogix/traces").get("sending_queue"));
    assertThat(queue)
        .containsEntry("num_consumers", 4)
        .containsEntry("queue_size", 2000L * 512 * 1024);
  }

  @Test
  void retriesTheCoralogixExportersWithExponentialBackoff() {
    Map<String, Object> retry =
        map(exporter(collector(), "coralogix/traces").get("retry_on_failure"));
    assertThat(retry)
        .containsEntry("enabled", true)
        .containsKeys("initial_interval", "max_interval");
  }

  @Test
  void keepsTheQueuesInMemoryWithoutAVolumeWhenTheQueueIsDisabled() {
    MetricsTracesStatefulSet c = Fixtures.collector(p -> p.queueEnabled(false));
    assertThat(map(c.values().get("statefulset"))).doesNotContainKey("volumeClaimTemplates");
    assertThat(c.values()).doesNotContainKey("extraVolumeMounts");
    assertThat(map(exporter(c, "coralogix/metrics").get("sending_queue")))
        .doesNotContainKey("storage");
  }

  @Test
  void runsNoBatchProcessorAnywhere() {
    MetricsTracesStatefulSet c = collector();
    assertThat(c.collectorConfig().components(Kind.PROCESSOR).keySet())
        .noneMatch(id -> id.type().equals("batch"));
    // The chart's default batch processor is removed, not merged in.
    assertThat(map(effectiveConfig(c).get("processors"))).doesNotContainKey("batch");
  }

  @Test
  void startsEveryPipelineWithTheMemoryLimiter() {
    for (Pipeline p : collector().collectorConfig().pipelines()) {
      assertThat(p.processors().get(0).id().toString()).as(p.id()).isEqualTo("memory_limiter");
    }
  }

  @Test
  void retainsQueueVolumesWhenScaledDownOrDeleted() {
    assertThat(map(collector().values().get("statefulset")))
        .containsEntry(
            "persistentVolumeClaimRetentionPolicy",
            Map.of("enabled", true, "whenDeleted", "Retain", "whenScaled", "Retain"));
  }

  @Test
  void sleepsInPreStopWithTheKubeletActionBecauseTheImageHasNoShell() {
    assertThat(collector().values().get("lifecycleHooks"))
        .isEqualTo(Map.of("preStop", Map.of("sleep", Map.of("seconds", 10))));
  }

  @Test
  void givesStoppingPodsTheConfiguredGracePeriod() {
    MetricsTracesStatefulSet c =
        Fixtures.collector(p -> p.terminationGracePeriodSeconds(90).preStopDelaySeconds(20));
    assertThat(c.values()).containsEntry("terminationGracePeriodSeconds", 90);
    assertThat(c.values().get("lifecycleHooks"))
        .isEqualTo(Map.of("preStop", Map.of("sleep", Map.of("seconds", 20))));
  }

  @Test
  void enablesAPodDisruptionBudget() {
    assertThat(collector().values().get("podDisruptionBudget"))
        .isEqualTo(Map.of("enabled", true, "maxUnavailable", 1));
  }

  @Test
  void setsRequestsAndLimits() {
    assertThat(collector().values().get("resources"))
        .isEqualTo(
            Map.of(
                "requests", Map.of("cpu", "250m", "memory", "1Gi"),
                "limits", Map.of("cpu", "1", "memory", "1Gi")));
  }

  @Test
  void readsThePrivateKeyFromTheEnvironment() {
    assertThat(exporter(collector(), "coralogix/metrics"))
        .containsEntry("private_key", "${env:CORALOGIX_PRIVATE_KEY}");
  }

  @Test
  void receivesOtlpOverGrpcAndHttp() {
    Map<String, Object> otlp = map(map(effectiveConfig(collector()).get("receivers")).get("otlp"));
    assertThat(map(otlp.get("protocols")))
        .containsEntry("grpc", Map.of("endpoint", "${env:MY_POD_IP}:4317"))
        .containsEntry("http", Map.of("endpoint", "${env:MY_POD_IP}:4318"));
  }

  @Test
  void exposesOtlpEndpointsOfTheChartService() {
    MetricsTracesStatefulSet c = collector();
    assertThat(c.otlpGrpcEndpoint())
        .isEqualTo("http://otel-metrics-traces.observability.svc.cluster.local:4317");
    assertThat(c.otlpHttpEndpoint())
        .isEqualTo("http://otel-metrics-traces.observability.svc.cluster.local:4318");
  }

  @Test
  void addsKubernetesAttributesBeforeTheFirstHopOnly() {
    MetricsTracesStatefulSet c = collector();
    assertThat(pipeline(c, "traces").processors().stream().map(x -> x.id().toString()))
        .containsExactly("memory_limiter", "k8s_attributes", "resource_detection/cluster");
    assertThat(pipeline(c, "traces/sampling").processors().stream().map(x -> x.id().toString()))
        .doesNotContain("k8s_attributes");
  }

  @Test
  void associatesSpansWithPodsByIpThenUidThenConnection() {
    Map<String, Object> k8s =
        map(map(effectiveConfig(collector()).get("processors")).get("k8s_attributes"));
    assertThat(k8s.get("pod_association"))
        .isEqualTo(
            List.of(
                Map.of(
                    "sources", List.of(Map.of("from", "resource_attribute", "name", "k8s.pod.ip"))),
                Map.of(
                    "sources",
                    List.of(Map.of("from", "resource_attribute", "name", "k8s.pod.uid"))),
                Map.of("sources", List.of(Map.of("from", "connection")))));
  }

  @Test
  void grantsTheChartClusterRoleReadAccessForKubernetesAttributesOnly() {
    Map<String, Object> role = map(collector().values().get("clusterRole"));
    assertThat(role).containsEntry("create", true);
    assertThat(role.get("rules").toString()).doesNotContain("create", "delete", "update", "*");
  }

  @Test
  void routesSpansByTraceIdToTheSamplingStage() {
    Map<String, Object> lb = exporter(collector(), "load_balancing/sampling");
    assertThat(lb).containsEntry("routing_key", "traceID");
    assertThat(lb.get("resolver"))
        .isEqualTo(
            Map.of(
                "k8s",
                Map.of(
                    "service",
                    "otel-metrics-traces-sampling.observability",
                    "ports",
                    List.of(MetricsTracesStatefulSet.SAMPLING_PORT))));
    assertThat(pipeline(collector(), "traces").exporters().stream().map(x -> x.id().toString()))
        .containsExactly("load_balancing/sampling", "span_metrics");
  }

  @Test
  void countsEverySpanIntoSpanMetricsBeforeSampling() {
    MetricsTracesStatefulSet c = collector();
    Pipeline spanMetrics = pipeline(c, "metrics/spanmetrics");
    assertThat(spanMetrics.receivers().stream().map(x -> x.id().toString()))
        .containsExactly("span_metrics");
    assertThat(spanMetrics.processors().stream().map(x -> x.id().toString()))
        .containsExactly("memory_limiter");
    assertThat(spanMetrics.exporters().stream().map(x -> x.id().toString()))
        .containsExactly("coralogix/metrics");
    assertThat(pipeline(c, "traces/sampling").exporters().stream().map(x -> x.id().toString()))
        .doesNotContain("span_metrics");
  }

  @Test
  void computesNoSpanMetricsWhenDisabled() {
    MetricsTracesStatefulSet c = Fixtures.collector(b -> b.spanMetricsEnabled(false));
    assertThat(c.collectorConfig().pipelines().stream().map(Pipeline::id))
        .doesNotContain("metrics/spanmetrics");
    assertThat(pipeline(c, "traces").exporters().stream().map(x -> x.id().toString()))
        .containsExactly("load_balancing/sampling");
  }

  @Test
  void takesPushedLogsThroughTheLimiterPodAttributesAndClusterNameToCoralogix() {
    Pipeline logs = pipeline(collector(), "logs");
    assertThat(logs.receivers().stream().map(x -> x.id().toString())).containsExactly("otlp");
    assertThat(logs.processors().stream().map(x -> x.id().toString()))
        .containsExactly("memory_limiter", "k8s_attributes", "resource_detection/cluster");
    assertThat(exporter(collector(), "coralogix/logs"))
        .containsEntry("subsystem_name", "logs")
        .containsEntry(
            "application_name_attributes", List.of("k8s.namespace.name", "service.namespace"));
  }

  @Test
  void samplesInASecondPipelineOnItsOwnPort() {
    MetricsTracesStatefulSet c = collector();
    Pipeline sampling = pipeline(c, "traces/sampling");
    assertThat(sampling.receivers().stream().map(x -> x.id().toString()))
        .containsExactly("otlp/sampling");
    assertThat(sampling.processors().stream().map(x -> x.id().toString()))
        .containsExactly("memory_limiter", "tail_sampling");
    assertThat(sampling.exporters().stream().map(x -> x.id().toString()))
        .containsExactly("coralogix/traces");
    assertThat(map(map(effectiveConfig(c).get("receivers")).get("otlp/sampling")))
        .isEqualTo(
            Map.of("protocols", Map.of("grpc", Map.of("endpoint", "${env:MY_POD_IP}:4319"))));
  }

  @Test
  void runsNoSamplerBeforeTheTailSampler() {
    MetricsTracesStatefulSet c = collector();
    assertThat(c.collectorConfig().components(Kind.PROCESSOR).keySet())
        .noneMatch(id -> id.type().contains("probabilistic_sampler"));
  }

  @Test
  void keepsErrorsSlowTracesAndAHashedShareOfTheRest() {
    MetricsTracesStatefulSet c =
        Fixtures.collector(p -> p.tracesSamplingPercentage(10.0).tracesHashSeed(7));
    Map<String, Object> tail = map(map(effectiveConfig(c).get("processors")).get("tail_sampling"));
    assertThat(tail.get("policies"))
        .isEqualTo(
            List.of(
                Map.of(
                    "name",
                    "errors",
                    "type",
                    "status_code",
                    "status_code",
                    Map.of("status_codes", List.of("ERROR"))),
                Map.of("name", "slow", "type", "latency", "latency", Map.of("threshold_ms", 1000)),
                Map.of(
                    "name",
                    "probabilistic",
                    "type",
                    "probabilistic",
                    "probabilistic",
                    Map.of("hash_salt", "7", "sampling_percentage", 10.0))));
    assertThat(tail).containsEntry("decision_wait", "10s");
  }

  @Test
  void samplesHalfOfTheRemainingTracesByDefault() {
    Map<String, Object> tail =
        map(map(effectiveConfig(collector()).get("processors")).get("tail_sampling"));
    assertThat(tail.get("policies").toString()).contains("sampling_percentage=50.0");
  }

  @Test
  void createsAHeadlessServiceSelectingTheCollectorPodsOnTheSamplingPort() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    JsonNode service = Synth.onlyResource(Synth.json(stack), "kubernetes_service_v1");
    assertThat(service.at("/metadata/name").asText()).isEqualTo("otel-metrics-traces-sampling");
    assertThat(service.at("/spec/cluster_ip").asText()).isEqualTo("None");
    assertThat(service.at("/spec/port/0/port").asInt()).isEqualTo(4319);
    c.podSelectorLabels()
        .forEach((k, v) -> assertThat(service.at("/spec/selector").path(k).asText()).isEqualTo(v));
    assertThat(service.at("/spec/selector").size()).isEqualTo(c.podSelectorLabels().size());
  }

  @Test
  void letsTheResolverReadEndpointsInItsOwnNamespaceOnly() {
    TerraformStack stack = Synth.stack();
    Fixtures.collector(stack);
    JsonNode synthesized = Synth.json(stack);
    JsonNode role = Synth.onlyResource(synthesized, "kubernetes_role_v1");
    assertThat(role.at("/metadata/namespace").asText()).isEqualTo("observability");
    assertThat(role.at("/rule").toString()).contains("endpointslices").doesNotContain("create");
    JsonNode binding = Synth.onlyResource(synthesized, "kubernetes_role_binding_v1");
    assertThat(binding.at("/subject/0/name").asText()).isEqualTo("otel-metrics-traces");
  }

  @Test
  void scrapesItsOwnTelemetryIntoTheSelfPipeline() {
    MetricsTracesStatefulSet c = collector();
    Pipeline self = pipeline(c, "metrics/self");
    assertThat(self.receivers().stream().map(x -> x.id().toString()))
        .containsExactly("prometheus/self");
    assertThat(self.exporters().stream().map(x -> x.id().toString()))
        .containsExactly("coralogix/metrics");
    assertThat(map(map(effectiveConfig(c).get("receivers")).get("prometheus/self")).toString())
        .contains("${env:MY_POD_IP}:8888");
    assertThat(map(map(effectiveConfig(c).get("service")).get("telemetry")).toString())
        .contains("host=${env:MY_POD_IP}", "port=8888");
  }

  @Test
  void removesTheChartDefaultPrometheusReceiverAndPipelines() {
    Map<String, Object> config = effectiveConfig(collector());
    assertThat(map(config.get("receivers"))).doesNotContainKeys("prometheus", "jaeger", "zipkin");
    // The chart's logs pipeline (to its debug exporter) is replaced by ours, to Coralogix.
    assertThat(map(map(map(config.get("service")).get("pipelines")).get("logs")))
        .containsEntry("exporters", List.of("coralogix/logs"));
    assertThat(map(config.get("exporters"))).doesNotContainKey("debug");
  }

  @Test
  void scrapesNothingOfItsOwnWithoutATargetAllocator() {
    MetricsTracesStatefulSet c = collector();
    assertThat(pipeline(c, "metrics").receivers().stream().map(x -> x.id().toString()))
        .containsExactly("otlp");
  }

  @Test
  void setsThePodNameEnvironmentVariableFromTheDownwardApi() {
    assertThat(list(collector().values().get("extraEnvs")))
        .contains(
            Map.of(
                "name",
                "POD_NAME",
                "valueFrom",
                Map.of("fieldRef", Map.of("fieldPath", "metadata.name"))));
  }

  @Test
  void pinsTheTerraformAddressesOfItsStatefulResources() {
    TerraformStack stack = Synth.stack();
    Fixtures.collector(stack);
    JsonNode resources = Synth.json(stack).path("resource");
    assertThat(resources.path("helm_release").fieldNames())
        .toIterable()
        .containsExactly("MetricsTraces_475430C5");
    assertThat(resources.path("kubernetes_service_v1").fieldNames())
        .toIterable()
        .containsExactly("MetricsTraces_SamplingService_5E92E313");
  }

  @Test
  void installsAfterItsNamespaceAndSecret() {
    TerraformStack stack = Synth.stack();
    Fixtures.collector(stack);
    JsonNode release = Synth.onlyResource(Synth.json(stack), "helm_release");
    assertThat(release.path("depends_on").toString())
        .contains("kubernetes_namespace_v1.", "kubernetes_secret_v1.");
  }

  @Test
  void synthesizesTheSameJsonEveryTime() {
    TerraformStack a = Synth.stack();
    Fixtures.collector(a);
    TerraformStack b = Synth.stack();
    Fixtures.collector(b);
    assertThat(Synth.json(a)).isEqualTo(Synth.json(b));
  }

  @Test
  void failsWhenTheGracePeriodCannotCoverPreStopAndOneExport() {
    assertThatThrownBy(
            () ->
                Fixtures.collectorProps()
                    .terminationGracePeriodSeconds(30)
                    .preStopDelaySeconds(10)
                    .exporterTimeoutSeconds(30)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricsTracesStatefulSetProps.terminationGracePeriodSeconds (30) must be >= MetricsTracesStatefulSetProps.preStopDelaySeconds"
                + " (10) + MetricsTracesStatefulSetProps.exporterTimeoutSeconds (30) = 40, so a send in flight finishes"
                + " or times out before SIGKILL (what is still queued stays on the volume and is"
                + " resent on restart); raise it to at least 40");
  }

  @Test
  void failsWhenTheQueuesDoNotFitTheVolume() {
    assertThatThrownBy(
            () ->
                Fixtures.collectorProps()
                    .queuePvcSizeGi(5)
                    .queueSizeBatches(5000)
                    .queueMaxBatchSizeKi(512)
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricsTracesStatefulSetProps.queuePvcSizeGi (5) must hold 4 full queues of MetricsTracesStatefulSetProps.queueSizeBatches (5000) x"
                + " MetricsTracesStatefulSetProps.queueMaxBatchSizeKi (512), i.e. at least 10; raise pvcSizeGi or lower"
                + " sizeBatches");
  }

  @Test
  void failsWhenThePreStopDelayIsZero() {
    assertThatThrownBy(() -> Fixtures.collectorProps().preStopDelaySeconds(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("MetricsTracesStatefulSetProps.preStopDelaySeconds (0) must be >= 1");
  }

  @Test
  void failsWhenTheExporterTimeoutIsZero() {
    assertThatThrownBy(() -> Fixtures.collectorProps().exporterTimeoutSeconds(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("MetricsTracesStatefulSetProps.exporterTimeoutSeconds (0) must be >= 1");
  }

  @Test
  void failsWhenThePvcSizeIsZero() {
    assertThatThrownBy(() -> Fixtures.collectorProps().queuePvcSizeGi(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("MetricsTracesStatefulSetProps.queuePvcSizeGi (0) must be >= 1");
  }

  @Test
  void failsWhenTheNamespaceIsMissing() {
    assertThatThrownBy(() -> Fixtures.collectorProps().namespace(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("MetricsTracesStatefulSetProps.namespace is required");
  }

  @Test
  void failsWhenTheSecretIsMissing() {
    assertThatThrownBy(() -> Fixtures.collectorProps().coralogixSecret(null).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("MetricsTracesStatefulSetProps.coralogixSecret is required");
  }

  @Test
  void failsWhenTheSecretIsInAnotherNamespace() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSetPropsBuilder props = Fixtures.collectorProps(stack);
    props.coralogixSecret(Fixtures.secret(stack, "elsewhere", "Other"));
    assertThatThrownBy(props::build)
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricsTracesStatefulSetProps.coralogixSecret (coralogix-private-key) is in namespace elsewhere, but the collectors"
                + " run in observability; a pod can only read a Secret of its own namespace");
  }

  @Test
  void failsWhenTheNameIsTooLong() {
    String name = "a".repeat(41);
    assertThatThrownBy(() -> Fixtures.collectorProps().name(name).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricsTracesStatefulSetProps.name ("
                + name
                + ") must be a DNS label: 1 to 40 lowercase letters, digits and '-', starting and"
                + " ending with a letter or digit; the names derived from it must fit Kubernetes'"
                + " 63, e.g. otel-metrics-traces");
  }

  @Test
  void failsWhenTheNameIsNotADnsLabel() {
    assertThatThrownBy(() -> Fixtures.collectorProps().name("Otel_Gateway").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "MetricsTracesStatefulSetProps.name (Otel_Gateway) must be a DNS label: 1 to 40"
                + " lowercase letters, digits and '-', starting and ending with a letter or digit;"
                + " the names derived from it must fit Kubernetes' 63, e.g. otel-metrics-traces");
  }

  @Test
  void failsBeforeCreatingChildrenWhenTheSamplingPercentageIsOutOfRange() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSetProps props =
        Fixtures.collectorProps().tracesSamplingPercentage(120.0).build();
    assertThatThrownBy(() -> new MetricsTracesStatefulSet(stack, "MetricsTraces", props))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "traces.samplingPercentage (120.0) must be in 0..100, e.g. 10 in prod and 50 elsewhere");
    assertThat(
            StreamSupport.stream(stack.getNode().getChildren().spliterator(), false)
                .filter(x -> x.getNode().getId().equals("MetricsTraces"))
                .findFirst()
                .orElseThrow()
                .getNode()
                .getChildren())
        .isEmpty();
  }

  @Test
  void runsOnAnyNodeSpreadOverZonesAndNodesByDefault() {
    Map<String, Object> v = collector().values();
    assertThat(map(v.get("nodeSelector"))).isEmpty();
    assertThat(list(v.get("tolerations"))).isEmpty();
    assertThat(list(v.get("topologySpreadConstraints")))
        .extracting(c -> map(c).get("topologyKey") + " " + map(c).get("whenUnsatisfiable"))
        .containsExactly(
            "topology.kubernetes.io/zone DoNotSchedule", "kubernetes.io/hostname ScheduleAnyway");
    assertThat(map(map(list(v.get("topologySpreadConstraints")).get(0)).get("labelSelector")))
        .containsEntry("matchLabels", collector().podSelectorLabels());
  }

  @Test
  void runsOnTheSelectedNodesToleratingTheirTaints() {
    MetricsTracesStatefulSet c =
        Fixtures.collector(
            p ->
                p.nodeSelector(Map.of("workload", "observability"))
                    .tolerations(
                        List.of(new Taint("dedicated", "observability", TaintEffect.NO_SCHEDULE))));
    assertThat(map(c.values().get("nodeSelector")))
        .containsExactly(Map.entry("workload", "observability"));
    assertThat(list(c.values().get("tolerations")))
        .containsExactly(
            Map.of(
                "key", "dedicated",
                "operator", "Equal",
                "value", "observability",
                "effect", "NoSchedule"));
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, c.values())).isEmpty();
  }

  @Test
  void releaseDependsOnTheQueueStorageClass() {
    TerraformStack stack = Synth.stack();
    EbsStorageClass queue =
        new EbsStorageClass(
            stack, "Queue", EbsStorageClassProps.builder().name("otel-queue").build());
    new MetricsTracesStatefulSet(
        stack, "MetricsTraces", Fixtures.collectorProps(stack).queueStorageClass(queue).build());
    JsonNode release = Synth.onlyResource(Synth.json(stack), "helm_release");
    assertThat(release.path("depends_on").toString())
        .contains("kubernetes_storage_class_v1.Queue_");
  }
}
