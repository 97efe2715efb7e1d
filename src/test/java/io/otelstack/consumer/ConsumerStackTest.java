package io.otelstack.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.Testing;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import io.otelstack.collector.CollectorChart;
import io.otelstack.constructs.cluster.ClusterNetwork;
import io.otelstack.constructs.cluster.ClusterNetworkProps;
import io.otelstack.constructs.cluster.EbsCsiDriver;
import io.otelstack.constructs.cluster.EbsCsiDriverProps;
import io.otelstack.constructs.cluster.EksCluster;
import io.otelstack.constructs.cluster.EksClusterProps;
import io.otelstack.constructs.cluster.ManagedNodeGroup;
import io.otelstack.constructs.cluster.ManagedNodeGroupProps;
import io.otelstack.constructs.logs.LogsDaemonSet;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetProps;
import io.otelstack.constructs.namespace.CollectorNamespace;
import io.otelstack.constructs.namespace.CollectorNamespaceProps;
import io.otelstack.constructs.namespace.PodSecurityLevel;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecretProps;
import io.otelstack.constructs.secrets.CoralogixSecret;
import io.otelstack.constructs.secrets.CoralogixSecretProps;
import io.otelstack.constructs.storage.EbsStorageClass;
import io.otelstack.constructs.storage.EbsStorageClassProps;
import io.otelstack.constructs.storage.ReclaimPolicy;
import io.otelstack.testing.Synth;
import io.otelstack.testing.UpstreamCharts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A team outside this repository imports the constructs, as the README's "Import into your
 * platform" shows: its own stack and names, a subset of the components, its own Coralogix domain
 * and an extra filelog exclude, all from props. This package is not a construct package, so
 * package-private internals are out of reach: whatever compiles here is the public API. Nothing
 * here reads {@code environments/} ({@link LibraryDependenciesTest} checks this class for it).
 */
class ConsumerStackTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOMAIN = "cx498.coralogix.com";
  private static final String BATCH_LOGS = "/var/log/pods/payments-batch_*/*/*.log";

  /** The payments team's own stack: a log agent only, shipping to the US2 Coralogix region. */
  private static JsonNode logsOnly() {
    TerraformStack stack = new TerraformStack(Testing.app(), "payments-logs");
    CollectorNamespace namespace =
        new CollectorNamespace(
            stack,
            "Agents",
            new CollectorNamespaceProps("payments-agents", PodSecurityLevel.PRIVILEGED));
    new LogsDaemonSet(
        stack,
        "LogAgent",
        LogsDaemonSetProps.builder()
            .namespace(namespace)
            .coralogixSecret(keySecret(stack, namespace))
            .coralogixDomain(DOMAIN)
            .coralogixApplicationName("payments")
            .clusterName("payments-eks")
            .extraFilelogExcludes(List.of(BATCH_LOGS))
            .releaseName("payments-logs")
            .build());
    return Synth.json(stack);
  }

  private static CoralogixKubernetesSecret keySecret(TerraformStack stack, CollectorNamespace ns) {
    DataAwsSecretsmanagerSecretVersion key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(stack, "CoralogixKey")
            .secretId("payments/coralogix")
            .build();
    return new CoralogixKubernetesSecret(
        stack,
        "CoralogixKeySecret",
        CoralogixKubernetesSecretProps.builder()
            .namespace(ns)
            .privateKey(key.getSecretString())
            .build());
  }

  @Test
  void aLogsOnlyStackHasTheAgentAndNothingOfTheMetricsAndTracesSide() {
    JsonNode json = logsOnly();
    List<String> types = new ArrayList<>();
    json.path("resource").fieldNames().forEachRemaining(types::add);

    assertThat(types)
        .containsExactlyInAnyOrder(
            "helm_release",
            "kubernetes_namespace_v1",
            "kubernetes_priority_class_v1",
            "kubernetes_secret_v1");
    JsonNode release = Synth.onlyResource(json, "helm_release");
    assertThat(release.path("name").asText()).isEqualTo("payments-logs");
    assertThat(release.path("namespace").asText()).isEqualTo("payments-agents");
  }

  @Test
  void theAgentShipsToTheTeamsOwnCoralogixDomainAndApplication() {
    JsonNode exporter = tree(logsOnly()).at("/config/exporters/coralogix");

    assertThat(exporter.path("domain").asText()).isEqualTo(DOMAIN);
    assertThat(exporter.path("application_name").asText()).isEqualTo("payments");
  }

  @Test
  void theAgentSkipsTheTeamsExtraFilelogExcludeAndItsOwnLogs() {
    JsonNode exclude = tree(logsOnly()).at("/config/receivers/file_log/exclude");

    assertThat(exclude.toString())
        .isEqualTo(
            "[\"/var/log/pods/payments-agents_payments-logs-*_*/*/*.log\",\"" + BATCH_LOGS + "\"]");
  }

  @Test
  void theAgentsValuesPassTheUpstreamChartSchema() {
    assertThat(UpstreamCharts.schemaErrors(CollectorChart.COLLECTOR, values(logsOnly()))).isEmpty();
  }

  @Test
  void aGatewayWithoutTargetAllocatorOrAutoscalerUsesTheTeamsStorageClassAndNames() {
    TerraformStack stack = new TerraformStack(Testing.app(), "payments-gateway");
    CollectorNamespace namespace =
        new CollectorNamespace(
            stack, "Telemetry", new CollectorNamespaceProps("payments-telemetry", null));
    EbsStorageClass queue =
        new EbsStorageClass(
            stack,
            "QueueStorage",
            EbsStorageClassProps.builder()
                .name("payments-queue")
                .reclaimPolicy(ReclaimPolicy.RETAIN)
                .build());
    MetricsTracesStatefulSet gateway =
        new MetricsTracesStatefulSet(
            stack,
            "Gateway",
            MetricsTracesStatefulSetProps.builder()
                .name("payments-gateway")
                .namespace(namespace)
                .coralogixSecret(keySecret(stack, namespace))
                .coralogixDomain(DOMAIN)
                .coralogixApplicationName("payments")
                .clusterName("payments-eks")
                .queueStorageClass(queue)
                .build());
    JsonNode values = tree(Synth.json(stack));

    assertThat(gateway.otlpGrpcEndpoint())
        .isEqualTo("http://payments-gateway.payments-telemetry.svc.cluster.local:4317");
    assertThat(values.at("/statefulset/volumeClaimTemplates/0/spec/storageClassName").asText())
        .isEqualTo("payments-queue");
    assertThat(values.at("/config/receivers").has("prometheus/pods")).isFalse();
    assertThat(values.has("autoscaling")).isFalse();
    assertThat(values.at("/config/exporters/coralogix~1traces/domain").asText()).isEqualTo(DOMAIN);
  }

  @Test
  void aClusterInExistingSubnetsWithAnExistingSecretCreatesNoNetworkAndNoSecret() {
    TerraformStack stack = new TerraformStack(Testing.app(), "payments-cluster");
    ClusterNetwork network =
        new ClusterNetwork(
            stack,
            "Network",
            ClusterNetworkProps.builder()
                .clusterName("payments-eks")
                .existingSubnetIds(List.of("subnet-0123456789abcdef0", "subnet-0fedcba9876543210"))
                .build());
    EksCluster cluster =
        new EksCluster(
            stack,
            "Cluster",
            EksClusterProps.builder()
                .clusterName("payments-eks")
                .kubernetesVersion("1.36")
                .network(network)
                .build());
    ManagedNodeGroup nodes =
        new ManagedNodeGroup(
            stack,
            "Nodes",
            ManagedNodeGroupProps.builder()
                .cluster(cluster)
                .name("general")
                .instanceTypes(List.of("m7i.large"))
                .build());
    new EbsCsiDriver(
        stack,
        "EbsCsi",
        EbsCsiDriverProps.builder()
            .cluster(cluster)
            .addonVersion("v1.48.0-eksbuild.1")
            .nodeGroups(List.of(nodes))
            .build());
    new CoralogixSecret(
        stack, "CoralogixKey", new CoralogixSecretProps("payments/coralogix", false));
    JsonNode json = Synth.json(stack);

    assertThat(json.path("resource").has("aws_vpc")).isFalse();
    assertThat(json.path("resource").has("aws_secretsmanager_secret")).isFalse();
    assertThat(json.at("/data/aws_secretsmanager_secret").elements().next().path("name").asText())
        .isEqualTo("payments/coralogix");
    assertThat(Synth.onlyResource(json, "aws_eks_cluster").at("/vpc_config/subnet_ids").toString())
        .isEqualTo("[\"subnet-0123456789abcdef0\",\"subnet-0fedcba9876543210\"]");
  }

  private static Map<String, Object> values(JsonNode json) {
    return UpstreamCharts.releaseValues(Synth.onlyResource(json, "helm_release"));
  }

  private static JsonNode tree(JsonNode json) {
    return JSON.valueToTree(values(json));
  }
}
