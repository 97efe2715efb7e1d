package io.otelstack.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.hashicorp.cdktf.TerraformStack;
import io.otelstack.collector.ContainerResources;
import io.otelstack.constructs.cluster.ClusterNetworkProps;
import io.otelstack.constructs.logs.LogsDaemonSetProps;
import io.otelstack.constructs.metrics.AllocationStrategy;
import io.otelstack.constructs.metrics.Fixtures;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSetProps;
import io.otelstack.constructs.metrics.TargetAllocatorProps;
import io.otelstack.constructs.scaling.StackHpaProps;
import io.otelstack.constructs.secrets.CoralogixKubernetesSecret;
import io.otelstack.testing.Synth;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The props classes own the defaults; {@code _defaults.yaml} and the schema's {@code default}s
 * repeat them for the people editing environment files. This keeps the three equal: each field of
 * an environment file that a prop takes, read from the props built with only their required fields,
 * from {@code _defaults.yaml} and from the schema.
 */
class DefaultsAgreementTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Fields with a schema default that no prop defaults, because the props require them or take a
   * construct in their place; each is stated in {@code _defaults.yaml} and the schema alone.
   */
  private static final Set<String> WITHOUT_PROPS_DEFAULT =
      Set.of(
          "coralogix.domain",
          "coralogix.applicationName",
          "collector.namespace",
          "metrics.allowlist",
          "queue.storageClass");

  /** The sections whose fields the telemetry props take. */
  private static final Set<String> PROPS_SECTIONS =
      Set.of("collector", "logs", "metrics", "traces", "queue", "hpa", "targetAllocator");

  @Test
  void defaultsFileSchemaAndPropsAgree() throws IOException {
    JsonNode file = new YAMLMapper().readTree(EnvironmentFiles.read(EnvironmentLoader.DEFAULTS));
    Map<String, JsonNode> schema = schemaDefaults();
    List<String> disagreements = new ArrayList<>();
    propsDefaults()
        .forEach(
            (field, prop) -> {
              String inProps = canonical(JSON.valueToTree(prop));
              String inFile =
                  canonical(file.at(JsonPointer.compile("/" + field.replace('.', '/'))));
              String inSchema = canonical(schemaDefault(schema, field));
              if (!inProps.equals(inFile) || !inProps.equals(inSchema)) {
                disagreements.add(
                    field
                        + ": props "
                        + inProps
                        + ", _defaults.yaml "
                        + inFile
                        + ", schema default "
                        + inSchema);
              }
            });
    assertThat(disagreements).as("defaults that disagree").isEmpty();
  }

  @Test
  void coversEveryDefaultedFieldThePropsTake() {
    Set<String> covered = propsDefaults().keySet();
    List<String> uncovered =
        schemaDefaults().keySet().stream()
            .filter(field -> PROPS_SECTIONS.contains(field.split("\\.")[0]))
            .filter(field -> !covered.contains(field) && !WITHOUT_PROPS_DEFAULT.contains(field))
            // A record's default (resources, scaling policies) is compared field by field.
            .filter(field -> covered.stream().noneMatch(c -> c.startsWith(field + ".")))
            .toList();
    assertThat(uncovered).as("schema defaults not compared with a prop").isEmpty();
  }

  /** Every field with a {@code default} in the schema. */
  private static Map<String, JsonNode> schemaDefaults() {
    Map<String, JsonNode> defaults = new TreeMap<>();
    for (SchemaFields.Field field : SchemaFields.all()) {
      if (field.declared().has("default")) {
        defaults.put(field.name(), field.declared().get("default"));
      }
    }
    return defaults;
  }

  /** A field's default: its own, or the part of an enclosing record's default it falls in. */
  private static JsonNode schemaDefault(Map<String, JsonNode> defaults, String field) {
    String record = field;
    while (!defaults.containsKey(record) && record.contains(".")) {
      record = record.substring(0, record.lastIndexOf('.'));
    }
    JsonNode value = defaults.get(record);
    String rest = field.substring(record.length());
    return value == null ? null : value.at(JsonPointer.compile(rest.replace('.', '/')));
  }

  /** The props' defaults, by the environment field each prop is set from. */
  private static Map<String, Object> propsDefaults() {
    TerraformStack stack = Synth.stack();
    MetricsTracesStatefulSetProps gateway = Fixtures.collectorProps(stack).build();
    MetricsTracesStatefulSet collector =
        new MetricsTracesStatefulSet(stack, "MetricsTraces", gateway);
    CoralogixKubernetesSecret agentKey = Fixtures.secret(stack, "agents", "AgentKey");
    LogsDaemonSetProps logs = Fixtures.agentProps(agentKey).build();
    TargetAllocatorProps allocator =
        TargetAllocatorProps.builder().collector(collector).allowlist(List.of("up")).build();
    StackHpaProps hpa = StackHpaProps.builder().target(collector).build();
    ClusterNetworkProps network = ClusterNetworkProps.builder().clusterName("defaults").build();

    Map<String, Object> d = new LinkedHashMap<>();
    d.put("cluster.vpc.cidr", network.vpcCidr());
    d.put("coralogix.subsystems.logs", logs.coralogixSubsystemName());
    d.put("coralogix.subsystems.metrics", gateway.coralogixMetricsSubsystem());
    d.put("coralogix.subsystems.traces", gateway.coralogixTracesSubsystem());
    d.put(
        "coralogix.mapping.applicationAttributes",
        gateway.coralogixMapping().applicationAttributes());
    d.put(
        "coralogix.mapping.subsystemAttributes", gateway.coralogixMapping().subsystemAttributes());
    d.put("collector.image.repository", gateway.image().repository());
    d.put("collector.image.tag", gateway.image().tag());
    d.put("collector.terminationGracePeriodSeconds", gateway.terminationGracePeriodSeconds());
    d.put("collector.preStopDelaySeconds", gateway.preStopDelaySeconds());
    d.put("collector.exporterTimeoutSeconds", gateway.exporterTimeoutSeconds());
    d.put("logs.severityThreshold", logs.severityThreshold().name());
    d.put("logs.dropDebug", logs.dropDebug());
    d.put("logs.excludeEndpoints", logs.excludeEndpoints());
    d.put("logs.parseJson", logs.parseJson());
    d.put("logs.multiline", logs.multiline());
    resources(d, "logs.resources", logs.resources());
    d.put("metrics.dropLabels", allocator.dropLabels());
    d.put("metrics.renameLabels", allocator.renameLabels());
    d.put("metrics.tierAnnotation", allocator.tierAnnotation());
    d.put("metrics.defaultTier", allocator.defaultTier());
    d.put(
        "metrics.scrapeTiers",
        allocator.scrapeTiers().entrySet().stream()
            .collect(Collectors.toMap(Map.Entry::getKey, e -> seconds(e.getValue()), (a, b) -> a)));
    d.put("metrics.sampleLimit", allocator.sampleLimit());
    d.put("metrics.labelLimit", allocator.labelLimit());
    resources(d, "metrics.resources", gateway.resources());
    d.put("traces.samplingPercentage", gateway.tracesSamplingPercentage());
    d.put("traces.hashSeed", gateway.tracesHashSeed());
    d.put("traces.keepErrors", gateway.tracesKeepErrors());
    d.put("traces.slowTraceThresholdMs", gateway.tracesSlowTraceThresholdMs());
    d.put("traces.decisionWaitSeconds", gateway.tracesDecisionWaitSeconds());
    d.put("traces.spanMetrics.enabled", gateway.spanMetricsEnabled());
    d.put("traces.spanMetrics.dimensions", gateway.spanMetricsDimensions());
    d.put("traces.spanMetrics.bucketsMs", gateway.spanMetricsBucketsMs());
    d.put("traces.spanMetrics.cardinalityLimit", gateway.spanMetricsCardinalityLimit());
    d.put("traces.spanMetrics.expirationMinutes", gateway.spanMetricsExpirationMinutes());
    d.put("queue.enabled", gateway.queueEnabled());
    d.put("queue.sizeBatches", gateway.queueSizeBatches());
    d.put("queue.numConsumers", gateway.queueNumConsumers());
    d.put("queue.maxBatchSizeKi", gateway.queueMaxBatchSizeKi());
    d.put("queue.pvcSizeGi", gateway.queuePvcSizeGi());
    d.put("hpa.minReplicas", hpa.minReplicas());
    d.put("hpa.maxReplicas", hpa.maxReplicas());
    d.put("hpa.targetCpuUtilizationPercent", hpa.targetCpuUtilizationPercent());
    d.put("hpa.targetMemoryUtilizationPercent", hpa.targetMemoryUtilizationPercent());
    d.put("hpa.scaleDown.stabilizationWindowSeconds", hpa.scaleDownStabilizationWindowSeconds());
    d.put("hpa.scaleDown.percent", hpa.scaleDownPercent());
    d.put("hpa.scaleDown.periodSeconds", hpa.scaleDownPeriodSeconds());
    d.put("hpa.scaleUp.stabilizationWindowSeconds", hpa.scaleUpStabilizationWindowSeconds());
    d.put("hpa.scaleUp.percent", hpa.scaleUpPercent());
    d.put("hpa.scaleUp.periodSeconds", hpa.scaleUpPeriodSeconds());
    d.put("targetAllocator.replicas", allocator.replicas());
    AllocationStrategy strategy = allocator.allocationStrategy();
    d.put("targetAllocator.allocationStrategy", strategy.value());
    return d;
  }

  private static void resources(Map<String, Object> d, String field, ContainerResources r) {
    d.put(field + ".cpuRequest", r.cpuRequest());
    d.put(field + ".memoryRequest", r.memoryRequest());
    d.put(field + ".cpuLimit", r.cpuLimit());
    d.put(field + ".memoryLimit", r.memoryLimit());
  }

  /** A scrape interval as the environment files write it. */
  private static String seconds(Duration interval) {
    return interval.toSeconds() + "s";
  }

  /** A value as text in which 50 and 50.0 are the same number and map order does not count. */
  private static String canonical(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "(none)";
    }
    if (node.isNumber()) {
      return new BigDecimal(node.asText()).stripTrailingZeros().toPlainString();
    }
    if (node.isArray()) {
      List<String> items = new ArrayList<>();
      node.forEach(item -> items.add(canonical(item)));
      return items.toString();
    }
    if (node.isObject()) {
      Map<String, String> fields = new TreeMap<>();
      node.fields().forEachRemaining(f -> fields.put(f.getKey(), canonical(f.getValue())));
      return fields.toString();
    }
    return node.asText();
  }
}
