package io.otelstack.constructs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.ValidationException;
import io.otelstack.collector.CollectorChart;
import io.otelstack.collector.ContainerResources;
import io.otelstack.collector.Pipeline;
import io.otelstack.constructs.cluster.Taint;
import io.otelstack.constructs.cluster.TaintEffect;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TargetAllocatorTest {

  private static TargetAllocator allocator() {
    TerraformStack stack = Synth.stack();
    return new TargetAllocator(
        stack, "TargetAllocator", Fixtures.allocatorProps(Fixtures.collector(stack)).build());
  }

  private static TargetAllocator allocator(TargetAllocatorPropsBuilder props) {
    return new TargetAllocator(Synth.stack(), "TargetAllocator", props.build());
  }

  private static TargetAllocatorPropsBuilder props() {
    return Fixtures.allocatorProps(Fixtures.collector(Synth.stack()));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object o) {
    return (Map<String, Object>) o;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> maps(Object o) {
    return (List<Map<String, Object>>) o;
  }

  private static Map<String, Object> config(TargetAllocator ta) {
    return map(map(ta.values().get("targetAllocator")).get("config"));
  }

  private static List<Map<String, Object>> jobs(TargetAllocator ta) {
    return maps(map(config(ta).get("config")).get("scrape_configs"));
  }

  private static Map<String, Object> job(TargetAllocator ta, String name) {
    return jobs(ta).stream().filter(j -> j.get("job_name").equals(name)).findFirst().orElseThrow();
  }

  private static List<Map<String, Object>> relabel(TargetAllocator ta, String job) {
    return maps(job(ta, job).get("relabel_configs"));
  }

  private static List<Map<String, Object>> metricRelabel(TargetAllocator ta, String job) {
    return maps(job(ta, job).get("metric_relabel_configs"));
  }

  @Test
  void valuesPassTheUpstreamTargetAllocatorSchema() {
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.TARGET_ALLOCATOR, allocator().values()))
        .isEmpty();
  }

  @Test
  void collectorValuesWithAnAllocatorPassTheUpstreamCollectorSchema() {
    assertThat(
            UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, allocator().collector().values()))
        .isEmpty();
  }

  @Test
  void allocatesByConsistentHashingByDefault() {
    assertThat(config(allocator())).containsEntry("allocation_strategy", "consistent-hashing");
  }

  @Test
  void filtersTargetsByTheirRelabelConfigs() {
    assertThat(config(allocator())).containsEntry("filter_strategy", "relabel-config");
  }

  @Test
  void runsTwoReplicasByDefault() {
    assertThat(allocator().values()).containsEntry("replicaCount", 2);
  }

  @Test
  void runsTheConfiguredReplicas() {
    assertThat(allocator(props().replicas(1)).values()).containsEntry("replicaCount", 1);
  }

  @Test
  void boundsTheAllocatorsCpuAndMemoryByDefault() {
    assertThat(map(map(allocator().values().get("targetAllocator")).get("resources")))
        .isEqualTo(
            Map.of(
                "requests", Map.of("cpu", "100m", "memory", "128Mi"),
                "limits", Map.of("cpu", "500m", "memory", "256Mi")));
  }

  @Test
  void takesTheConfiguredResources() {
    TargetAllocator ta =
        allocator(props().resources(new ContainerResources("1", "1Gi", "2", "2Gi")));

    assertThat(map(map(map(ta.values().get("targetAllocator")).get("resources")).get("limits")))
        .isEqualTo(Map.of("cpu", "2", "memory", "2Gi"));
  }

  @Test
  void selectsExactlyTheCollectorPodsInTheirNamespace() {
    TargetAllocator ta = allocator();
    assertThat(config(ta)).containsEntry("collector_namespace", "observability");
    // Lower-case "matchlabels" is what the allocator's YAML decoding of a LabelSelector reads.
    assertThat(config(ta).get("collector_selector"))
        .isEqualTo(
            Map.of(
                "matchlabels",
                Map.of(
                    "app.kubernetes.io/name", "opentelemetry-collector",
                    "app.kubernetes.io/instance", "otel-metrics-traces",
                    "component", "statefulset-collector")));
  }

  @Test
  void ignoresPrometheusOperatorResources() {
    assertThat(config(allocator()).get("prometheus_cr")).isEqualTo(Map.of("enabled", false));
  }

  @Test
  void feedsTheCollectorFromItsServiceEndpointWithThePodNameAsCollectorId() {
    TargetAllocator ta = allocator();
    assertThat(ta.endpoint())
        .isEqualTo("http://otel-metrics-traces-ta.observability.svc.cluster.local:80");
    Map<String, Object> receivers = map(ta.collector().collectorConfig().toMap().get("receivers"));
    assertThat(map(receivers.get("prometheus/pods")))
        .isEqualTo(
            Map.of(
                "target_allocator",
                Map.of(
                    "endpoint", ta.endpoint(),
                    "interval", "30s",
                    "collector_id", "${env:POD_NAME}")));
  }

  @Test
  void leavesNoStaticScrapeConfigInTheCollector() {
    Map<String, Object> receivers =
        map(allocator().collector().collectorConfig().toMap().get("receivers"));
    assertThat(map(receivers.get("prometheus/pods"))).doesNotContainKey("config");
  }

  @Test
  void addsThePrometheusReceiverToTheCollectorMetricsPipeline() {
    Pipeline metrics =
        allocator().collector().collectorConfig().pipelines().stream()
            .filter(p -> p.id().equals("metrics"))
            .findFirst()
            .orElseThrow();
    assertThat(metrics.receivers().stream().map(r -> r.id().toString()))
        .containsExactly("otlp", "prometheus/pods");
  }

  @Test
  void runsOneJobPerTierAtItsIntervalAndItsOwnJobsAtTheDefaultTiers() {
    TargetAllocator ta = allocator();
    assertThat(jobs(ta).stream().map(j -> j.get("job_name") + "@" + j.get("scrape_interval")))
        .containsExactly(
            "pods-critical@15s",
            "pods-development@300s",
            "pods-normal@60s",
            "target-allocator@60s",
            "kubelet@60s");
  }

  @Test
  void runsCustomTiersAtTheirIntervals() {
    TargetAllocator ta =
        allocator(
            props()
                .scrapeTiers(Map.of("fast", Duration.ofSeconds(5), "slow", Duration.ofMinutes(2)))
                .defaultTier("slow"));
    assertThat(jobs(ta).stream().map(j -> j.get("job_name") + "@" + j.get("scrape_interval")))
        .containsExactly("pods-fast@5s", "pods-slow@120s", "target-allocator@120s", "kubelet@120s");
    assertThat(job(ta, "pods-fast")).containsEntry("scrape_timeout", "5s");
  }

  @Test
  void scrapesItsOwnPodsKeepingOnlyTheSeriesTheAlertsRead() {
    TargetAllocator ta = allocator();
    Map<String, Object> job = job(ta, TargetAllocator.ALLOCATOR_JOB);
    assertThat(job.get("kubernetes_sd_configs"))
        .isEqualTo(
            List.of(
                Map.of("role", "pod", "namespaces", Map.of("names", List.of("observability")))));
    assertThat(relabel(ta, TargetAllocator.ALLOCATOR_JOB).subList(0, 2))
        .extracting(r -> r.get("action") + " " + r.get("source_labels") + " " + r.get("regex"))
        .containsExactly(
            "keep [__meta_kubernetes_pod_label_app_kubernetes_io_instance]"
                + " otel-metrics-traces-target-allocator",
            "keep [__meta_kubernetes_pod_container_port_number] 8080");
    assertThat(metricRelabel(ta, TargetAllocator.ALLOCATOR_JOB))
        .containsExactly(
            Map.of(
                "action",
                "keep",
                "source_labels",
                List.of("__name__"),
                "regex",
                "opentelemetry_allocator_(collectors_allocatable|targets_per_collector)"));
  }

  @Test
  void scrapesEveryKubeletThroughTheApiServerKeepingOnlyNodeNamesAndQueueVolumes() {
    TargetAllocator ta = allocator();
    Map<String, Object> job = job(ta, TargetAllocator.KUBELET_JOB);
    assertThat(job)
        .containsEntry("scheme", "https")
        .containsEntry("kubernetes_sd_configs", List.of(Map.of("role", "node")))
        .containsEntry(
            "authorization",
            Map.of("credentials_file", "/var/run/secrets/kubernetes.io/serviceaccount/token"));
    assertThat(relabel(ta, TargetAllocator.KUBELET_JOB))
        .extracting(r -> r.get("target_label") + "=" + r.get("replacement"))
        .containsExactly(
            "__address__=kubernetes.default.svc:443",
            "__metrics_path__=/api/v1/nodes/$1/proxy/metrics",
            "instance=$1");
    assertThat(metricRelabel(ta, TargetAllocator.KUBELET_JOB))
        .containsExactly(
            Map.of(
                "action",
                "keep",
                "source_labels",
                List.of("__name__", "namespace"),
                "regex",
                "kubelet_node_name;|kubelet_volume_stats_(capacity|used)_bytes;observability"));
  }

  @Test
  void grantsItsCollectorTheKubeletMetricsThroughTheNodeProxyOnly() {
    TargetAllocator ta = allocator();
    assertThat(maps(map(ta.collector().values().get("clusterRole")).get("rules")))
        .contains(
            Map.of(
                "apiGroups",
                List.of(""),
                "resources",
                List.of("nodes/proxy"),
                "verbs",
                List.of("get")));
  }

  @Test
  void discoversPodsAcrossTheCluster() {
    assertThat(job(allocator(), "pods-normal").get("kubernetes_sd_configs"))
        .isEqualTo(List.of(Map.of("role", "pod")));
  }

  @Test
  void keepsOnlyPodsAnnotatedForScraping() {
    assertThat(relabel(allocator(), "pods-critical").get(0))
        .isEqualTo(
            Map.of(
                "action", "keep",
                "source_labels", List.of("__meta_kubernetes_pod_annotation_prometheus_io_scrape"),
                "regex", "true"));
  }

  @Test
  void keepsOnlyPodsOfItsTierInANonDefaultTier() {
    assertThat(relabel(allocator(), "pods-critical"))
        .contains(
            Map.of(
                "action", "keep",
                "source_labels",
                    List.of("__meta_kubernetes_pod_annotation_otel_stack_io_scrape_tier"),
                "regex", "critical"));
  }

  @Test
  void takesEveryPodNoOtherTierClaimsInTheDefaultTier() {
    assertThat(relabel(allocator(), "pods-normal"))
        .contains(
            Map.of(
                "action", "drop",
                "source_labels",
                    List.of("__meta_kubernetes_pod_annotation_otel_stack_io_scrape_tier"),
                "regex", "critical|development"));
  }

  @Test
  void readsTheTierFromTheConfiguredAnnotation() {
    TargetAllocator ta = allocator(props().tierAnnotation("example.com/tier"));
    assertThat(relabel(ta, "pods-critical").toString())
        .contains("__meta_kubernetes_pod_annotation_example_com_tier");
  }

  @Test
  void keepsPrometheusDollarReferencesUnescapedInTheAllocatorFile() {
    Map<String, Object> port =
        relabel(allocator(), "pods-normal").stream()
            .filter(r -> "__address__".equals(r.get("target_label")))
            .findFirst()
            .orElseThrow();
    assertThat(port).containsEntry("replacement", "$1:$2");
  }

  @Test
  void keepsOnlyAllowlistedMetrics() {
    assertThat(metricRelabel(allocator(), "pods-normal").get(0))
        .isEqualTo(
            Map.of(
                "action", "keep",
                "source_labels", List.of("__name__"),
                "regex", "go_.*|process_.*|http_requests_total|up"));
  }

  @Test
  void renamesServiceToServiceName() {
    assertThat(metricRelabel(allocator(), "pods-normal"))
        .contains(
            Map.of(
                "action", "replace",
                "source_labels", List.of("service"),
                "regex", "(.+)",
                "target_label", "service_name",
                "replacement", "$1"));
  }

  @Test
  void dropsPodIpInstanceIdAndTheRenamedLabels() {
    List<Map<String, Object>> rules = metricRelabel(allocator(), "pods-normal");
    assertThat(rules.get(rules.size() - 1))
        .isEqualTo(Map.of("action", "labeldrop", "regex", "pod_ip|instance_id|service"));
  }

  @Test
  void dropsTheEnvironmentsHighCardinalityLabelsToo() {
    List<Map<String, Object>> rules =
        metricRelabel(
            allocator(props().dropLabels(List.of("pod_ip", "request_id"))), "pods-normal");
    assertThat(rules.get(rules.size() - 1))
        .isEqualTo(Map.of("action", "labeldrop", "regex", "pod_ip|instance_id|request_id|service"));
  }

  @Test
  void limitsSamplesAndLabelsPerScrape() {
    TargetAllocator ta = allocator(props().sampleLimit(5000).labelLimit(20));
    assertThat(job(ta, "pods-normal"))
        .containsEntry("sample_limit", 5000)
        .containsEntry("label_limit", 20);
  }

  @Test
  void limitsTenThousandSamplesAndThirtyLabelsByDefault() {
    assertThat(job(allocator(), "pods-critical"))
        .containsEntry("sample_limit", 10000)
        .containsEntry("label_limit", 30);
  }

  @Test
  void bindsTheAllocatorToAClusterRoleThatOnlyReadsPodsAndNodes() {
    TerraformStack stack = Synth.stack();
    new TargetAllocator(
        stack, "TargetAllocator", Fixtures.allocatorProps(Fixtures.collector(stack)).build());
    JsonNode synthesized = Synth.json(stack);
    JsonNode role = Synth.onlyResource(synthesized, "kubernetes_cluster_role_v1");
    assertThat(role.at("/rule").toString())
        .isEqualTo(
            "[{\"api_groups\":[\"\"],\"resources\":[\"pods\",\"nodes\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]");
    JsonNode binding = Synth.onlyResource(synthesized, "kubernetes_cluster_role_binding_v1");
    assertThat(binding.at("/subject/0/name").asText()).isEqualTo("otel-metrics-traces-ta");
    assertThat(binding.at("/role_ref/name").asText()).isEqualTo(role.at("/metadata/name").asText());
  }

  @Test
  void disablesTheChartsOverPrivilegedServiceAccountAndRole() {
    assertThat(map(allocator().values().get("targetAllocator")).get("serviceAccount"))
        .isEqualTo(Map.of("create", false, "name", "otel-metrics-traces-ta"));
  }

  @Test
  void limitsDisruptionToOneAllocatorPod() {
    TerraformStack stack = Synth.stack();
    TargetAllocator ta =
        new TargetAllocator(
            stack, "TargetAllocator", Fixtures.allocatorProps(Fixtures.collector(stack)).build());
    JsonNode pdb = Synth.onlyResource(Synth.json(stack), "kubernetes_pod_disruption_budget_v1");
    assertThat(pdb.at("/spec/max_unavailable").asText()).isEqualTo("1");
    ta.podLabels()
        .forEach(
            (k, v) ->
                assertThat(pdb.at("/spec/selector/match_labels").path(k).asText()).isEqualTo(v));
  }

  @Test
  void installsTheReleaseAfterItsServiceAccountAndBinding() {
    TerraformStack stack = Synth.stack();
    new TargetAllocator(
        stack, "TargetAllocator", Fixtures.allocatorProps(Fixtures.collector(stack)).build());
    JsonNode release = Synth.json(stack).at("/resource/helm_release/TargetAllocator_DEBEBA11");
    assertThat(release.path("depends_on").toString())
        .contains("kubernetes_service_account_v1.TargetAllocator_ServiceAccount_0E8B2165")
        .contains("kubernetes_cluster_role_binding_v1.TargetAllocator_ClusterRoleBinding_8DD2BFE0");
  }

  @Test
  void failsWhenASecondAllocatorFeedsTheSameCollector() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSet c = Fixtures.collector(stack);
    new TargetAllocator(stack, "TargetAllocator", Fixtures.allocatorProps(c).build());
    assertThatThrownBy(
            () -> new TargetAllocator(stack, "Another", Fixtures.allocatorProps(c).build()))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "test/Another: test/MetricsTraces is already fed by test/TargetAllocator; give each"
                + " collector one TargetAllocator");
  }

  @Test
  void failsWhenTheCollectorIsMissing() {
    assertThatThrownBy(() -> TargetAllocatorProps.builder().allowlist(List.of("up")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.collector is required: pass the MetricsTracesStatefulSet it feeds");
  }

  @Test
  void failsWhenTheAllowlistIsEmpty() {
    assertThatThrownBy(() -> props().allowlist(List.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.allowlist must name at least one metric regex, e.g. \"up\" or \".*\" for all");
  }

  @Test
  void failsWhenAnAllowlistEntryIsNotARegex() {
    assertThatThrownBy(() -> props().allowlist(List.of("http_(")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.allowlist[0] (http_() is not a valid regex: Unclosed group near index 6");
  }

  @Test
  void failsWhenReplicasIsZero() {
    assertThatThrownBy(() -> props().replicas(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TargetAllocatorProps.replicas (0) must be >= 1");
  }

  @Test
  void failsWhenLeastWeightedRunsMoreThanOneReplica() {
    assertThatThrownBy(
            () -> props().allocationStrategy(AllocationStrategy.LEAST_WEIGHTED).replicas(2).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.replicas (2) must be 1 with allocationStrategy least-weighted, whose"
                + " replicas would each assign targets differently; use consistent-hashing to run"
                + " more");
  }

  @Test
  void failsWhenTheStrategyIsUnknown() {
    assertThatThrownBy(() -> AllocationStrategy.of("per-node"))
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "targetAllocator.allocationStrategy (per-node) must be one of consistent-hashing,"
                + " least-weighted");
  }

  @Test
  void readsTheStrategyFromItsEnvironmentFileName() {
    assertThat(AllocationStrategy.of("consistent-hashing"))
        .isEqualTo(AllocationStrategy.CONSISTENT_HASHING);
  }

  @Test
  void failsWhenADroppedLabelIsNotARegex() {
    assertThatThrownBy(() -> props().dropLabels(List.of("pod_(ip")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.dropLabels[0] (pod_(ip) is not a valid regex: Unclosed group near index 7");
  }

  @Test
  void failsWhenARenameTargetIsNotALabelName() {
    assertThatThrownBy(() -> props().renameLabels(Map.of("service", "service.name")).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.renameLabels.service (service.name) must be a Prometheus label name such as"
                + " pod_ip");
  }

  @Test
  void failsWhenTheTierAnnotationIsNotAnAnnotationKey() {
    assertThatThrownBy(() -> props().tierAnnotation("scrape tier").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.tierAnnotation (scrape tier) must be a Kubernetes annotation key such as"
                + " otel-stack.io/scrape-tier");
  }

  @Test
  void failsWhenTheDefaultTierIsNotATier() {
    assertThatThrownBy(() -> props().defaultTier("slow").build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.defaultTier (slow) must be one of TargetAllocatorProps.scrapeTiers (critical, development,"
                + " normal); pick one, or add the tier");
  }

  @Test
  void failsWhenATierIntervalIsUnderASecond() {
    assertThatThrownBy(() -> props().scrapeTiers(Map.of("normal", Duration.ofMillis(500))).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TargetAllocatorProps.scrapeTiers.normal (PT0.5S) must be whole seconds >= 1s");
  }

  @Test
  void failsWhenATierNameIsNotADnsLabel() {
    assertThatThrownBy(
            () ->
                props()
                    .scrapeTiers(Map.of("Normal", Duration.ofSeconds(60)))
                    .defaultTier("Normal")
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessage(
            "TargetAllocatorProps.scrapeTiers key (Normal) must be a DNS label such as critical");
  }

  @Test
  void failsWhenThereIsNoTier() {
    assertThatThrownBy(() -> props().scrapeTiers(Map.of()).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TargetAllocatorProps.scrapeTiers must define at least one tier");
  }

  @Test
  void failsWhenTheSampleLimitIsZero() {
    assertThatThrownBy(() -> props().sampleLimit(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TargetAllocatorProps.sampleLimit (0) must be >= 1");
  }

  @Test
  void failsWhenTheLabelLimitIsZero() {
    assertThatThrownBy(() -> props().labelLimit(0).build())
        .isInstanceOf(ValidationException.class)
        .hasMessage("TargetAllocatorProps.labelLimit (0) must be >= 1");
  }

  @Test
  void runsWhereItsCollectorRunsSpreadTheSameWay() {
    MetricsTracesStatefulSet collector =
        Fixtures.collector(
            p ->
                p.nodeSelector(Map.of("workload", "observability"))
                    .tolerations(
                        List.of(new Taint("dedicated", "observability", TaintEffect.NO_SCHEDULE))));
    TargetAllocator ta = allocator(Fixtures.allocatorProps(collector));
    Map<String, Object> v = ta.values();
    assertThat(v.get("nodeSelector")).isEqualTo(collector.values().get("nodeSelector"));
    assertThat(v.get("tolerations")).isEqualTo(collector.values().get("tolerations"));
    assertThat(maps(v.get("topologySpreadConstraints")).get(0).get("labelSelector"))
        .isEqualTo(Map.of("matchLabels", ta.podLabels()));
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.TARGET_ALLOCATOR, v)).isEmpty();
  }

  @Test
  void addsARestrictedSecurityContextWithSedAsHelmPostRenderer() {
    TerraformStack stack = Synth.stack();
    new TargetAllocator(
        stack, "TargetAllocator", Fixtures.allocatorProps(Fixtures.collector(stack)).build());
    JsonNode release = null;
    for (JsonNode r : Synth.json(stack).at("/resource/helm_release")) {
      if (r.path("chart").asText().equals(CollectorChart.TARGET_ALLOCATOR.chart())) {
        release = r;
      }
    }
    assertThat(release).as("the allocator's release").isNotNull();
    assertThat(release.at("/postrender/binary_path").asText()).isEqualTo("sed");
    assertThat(release.at("/postrender/args/1").asText())
        .isEqualTo(TargetAllocator.SECURITY_CONTEXT)
        .contains("allowPrivilegeEscalation: false", "drop: [ALL]", "runAsNonRoot: true")
        .contains("type: RuntimeDefault");
  }
}
