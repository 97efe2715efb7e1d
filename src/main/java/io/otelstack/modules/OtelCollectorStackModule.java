package io.otelstack.modules;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.TerraformVariable;
import com.hashicorp.cdktf.TerraformVariableValidationConfig;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_secretsmanager_secret_version.DataAwsSecretsmanagerSecretVersion;
import io.otelstack.collector.CoralogixMapping;
import io.otelstack.collector.SelfMetricsReceiver;
import io.otelstack.config.Environment;
import io.otelstack.constructs.metrics.MetricsTracesStatefulSet;
import io.otelstack.constructs.telemetry.TelemetryPlatform;
import io.otelstack.constructs.telemetry.TelemetryPlatformProps;
import io.otelstack.internal.Checks;
import io.otelstack.internal.Maps;
import io.otelstack.stacks.TelemetryStack;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import software.constructs.Construct;

/**
 * The {@code otel-collector-stack} Terraform module, for teams that write HCL: the {@link
 * TelemetryPlatform} that {@code TelemetryStack} is, with the settings of {@code _defaults.yaml}
 * and Terraform variables for what a team chooses. It leaves out the default StorageClass (the
 * caller's cluster has its own) and the NetworkPolicies (their Kubernetes API blocks are the
 * caller's VPC, which the module cannot know).
 *
 * <p>A reusable module configures no provider and no backend: the calling configuration passes its
 * {@code aws}, {@code kubernetes} and {@code helm} providers (which is also how the cluster is
 * chosen), and the module only declares which ones it needs. That keeps it usable with {@code
 * count}, {@code for_each} and {@code depends_on}.
 *
 * <p>A variable is a token to the constructs, so their checks of it wait for a value; each variable
 * therefore carries the same rule as a {@code validation} block, which Terraform checks at plan.
 *
 * <p>It is committed, synthesized, under {@code modules/otel-collector-stack}; {@link
 * ModuleGenerator} ({@code tools/generate-module}) writes it. It is not part of the app that {@code
 * Main} synthesizes: cdktf refuses to synthesize a stack with resources but no provider
 * configuration.
 */
public final class OtelCollectorStackModule extends TerraformStack {
  /** Where the module is committed, relative to the repository root. */
  public static final String DIRECTORY = "modules/otel-collector-stack";

  /** Provider version ranges: from the versions the bindings are generated for, same major. */
  private static final Map<String, String> PROVIDERS =
      Maps.copySorted(
          Map.of(
              "aws", ">= 5.100.0, < 6.0.0",
              "kubernetes", ">= 2.38.0, < 3.0.0",
              "helm", ">= 3.1.1, < 4.0.0"));

  private static final String DNS_LABEL = "^" + Checks.DNS_LABEL + "$";

  /**
   * The module's address of the queue StorageClass while it composed the constructs itself; it now
   * has the stacks' address, and a {@code moved} block takes existing states there.
   */
  static final String QUEUE_STORAGE_CLASS_BEFORE_THE_PLATFORM =
      "kubernetes_storage_class_v1.QueueStorageClass_E398A0C5";

  /**
   * Builds the module: the telemetry side that {@code defaults} (the environment of {@code
   * _defaults.yaml} alone) configures, with variables for what a team chooses; their defaults are
   * that environment's values.
   */
  public OtelCollectorStackModule(Construct scope, String id, Environment defaults) {
    super(scope, id);
    // Cross-variable validation (hpa_max_replicas against hpa_min_replicas) needs 1.9.
    addOverride("terraform.required_version", ">= 1.9.0");
    Map<String, Object> required = new LinkedHashMap<>();
    PROVIDERS.forEach(
        (p, version) ->
            required.put(
                p, Maps.copySorted(Map.of("source", "hashicorp/" + p, "version", version))));
    addOverride("terraform.required_providers", required);

    TerraformVariable namespace =
        variable(
            "namespace",
            "string",
            "Namespace of the metrics/traces collectors. The logs agents run in a second one,"
                + " this name followed by "
                + TelemetryPlatform.AGENTS_NAMESPACE_SUFFIX
                + ". Both are created.",
            defaults.collector().namespace());
    validate(
        namespace,
        "can(regex(\"" + DNS_LABEL + "\", var.namespace)) && length(var.namespace) <= 56",
        "The namespace must be a DNS label (lowercase letters, digits and '-') of at most 56"
            + " characters, so that the agents' namespace (followed by "
            + TelemetryPlatform.AGENTS_NAMESPACE_SUFFIX
            + ") fits 63.");
    TerraformVariable domain =
        variable(
            "coralogix_domain",
            "string",
            "Coralogix domain of the team's region, e.g. eu2.coralogix.com or cx498.coralogix.com.",
            null);
    validate(
        domain,
        "can(regex(\"^[a-z0-9.-]+[.][a-z]{2,}$\", var.coralogix_domain))",
        "The coralogix_domain must be a host name such as eu2.coralogix.com.");
    TerraformVariable application =
        variable(
            "coralogix_application_name",
            "string",
            "Coralogix application name: where coralogix_application_attributes find none, and"
                + " where the collectors' own metrics (which the alerts read) are sent.",
            null);
    validate(
        application,
        "length(trimspace(var.coralogix_application_name)) > 0",
        "The coralogix_application_name must not be empty.");
    TerraformVariable clusterName =
        variable(
            "cluster_name",
            "string",
            "Name of the EKS cluster the stack runs in; every collector sends it as"
                + " k8s.cluster.name on every log, metric, span and event.",
            null);
    validate(
        clusterName,
        "can(regex(\"^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$\", var.cluster_name))",
        "The cluster_name must be an EKS cluster name: 1 to 100 letters, digits, '-' and '_'.");
    TerraformVariable applicationAttributes =
        variable(
            "coralogix_application_attributes",
            "list(string)",
            "Resource attributes each record's Coralogix application is taken from, first match"
                + " wins; coralogix_application_name where none is set. Empty: always that name.",
            defaults.coralogix().mapping().applicationAttributes());
    validate(
        applicationAttributes,
        attributeNames("var.coralogix_application_attributes")
            + " && length(setintersection(var.coralogix_application_attributes, "
            + hclList(new TreeSet<>(SelfMetricsReceiver.RESOURCE_ATTRIBUTES))
            + ")) == 0",
        "The coralogix_application_attributes must be resource attribute names such as"
            + " k8s.namespace.name, none of which the collectors' own metrics carry ("
            + String.join(", ", new TreeSet<>(SelfMetricsReceiver.RESOURCE_ATTRIBUTES))
            + "): the alerts select those in coralogix_application_name.");
    TerraformVariable subsystemAttributes =
        variable(
            "coralogix_subsystem_attributes",
            "list(string)",
            "Resource attributes each record's Coralogix subsystem is taken from, first match wins;"
                + " the signal's subsystem (logs, metrics, traces) where none is set.",
            defaults.coralogix().mapping().subsystemAttributes());
    validate(
        subsystemAttributes,
        attributeNames("var.coralogix_subsystem_attributes"),
        "The coralogix_subsystem_attributes must be resource attribute names such as"
            + " k8s.deployment.name.");
    TerraformVariable secretName =
        variable(
            "coralogix_private_key_secret_name",
            "string",
            "Name of the AWS Secrets Manager secret holding the Coralogix private key; read at"
                + " apply time, never written to the configuration.",
            defaults.coralogix().privateKeySecretName());
    validate(
        secretName,
        "can(regex(\"^[A-Za-z0-9/_+=.@-]{1,512}$\", var.coralogix_private_key_secret_name))",
        "The coralogix_private_key_secret_name must be 1 to 512 letters, digits and /_+=.@-.");
    TerraformVariable pvcSize =
        variable(
            "queue_pvc_size_gi",
            "number",
            "Size of each collector replica's persistent sending-queue volume, in GiB.",
            defaults.queue().pvcSizeGi());
    TerraformVariable minReplicas =
        variable(
            "hpa_min_replicas",
            "number",
            "Fewest metrics/traces collector replicas.",
            defaults.hpa().minReplicas());
    validate(
        minReplicas,
        wholeAtLeast("var.hpa_min_replicas", "1"),
        "The hpa_min_replicas must be a whole number >= 1: with no collector, the Target"
            + " Allocator has no one to assign targets to and the OTLP Service no endpoint.");
    TerraformVariable maxReplicas =
        variable(
            "hpa_max_replicas",
            "number",
            "Most metrics/traces collector replicas.",
            defaults.hpa().maxReplicas());
    validate(
        maxReplicas,
        wholeAtLeast("var.hpa_max_replicas", "var.hpa_min_replicas"),
        "The hpa_max_replicas must be a whole number >= hpa_min_replicas.");
    TerraformVariable sampling =
        variable(
            "traces_sampling_percentage",
            "number",
            "Share of traces kept that are neither errors nor slow, 0 to 100 (errors and slow"
                + " traces are always kept).",
            50);
    validate(
        sampling,
        "var.traces_sampling_percentage >= 0 && var.traces_sampling_percentage <= 100",
        "The traces_sampling_percentage must be between 0 and 100.");
    TerraformVariable allowlist =
        variable(
            "metrics_allowlist",
            "list(string)",
            "Metric names kept from scraped pods, as anchored regular expressions; everything"
                + " else is dropped at scrape time.",
            defaults.metrics().allowlist());
    validate(
        allowlist,
        "length(var.metrics_allowlist) > 0"
            + " && alltrue([for r in var.metrics_allowlist : can(regexall(r, \"\"))])",
        "The metrics_allowlist must list at least one valid regular expression, e.g. \"up\".");

    DataAwsSecretsmanagerSecretVersion key =
        DataAwsSecretsmanagerSecretVersion.Builder.create(this, "CoralogixPrivateKey")
            .secretId(secretName.getStringValue())
            .build();

    // In the values' text, cdktf writes a list variable as ${jsonencode(var...)}: a JSON array,
    // which the YAML around it reads as the list.
    CoralogixMapping mapping =
        new CoralogixMapping(
            List.of(Token.asString(applicationAttributes.getValue())),
            List.of(Token.asString(subsystemAttributes.getValue())));
    TelemetryPlatformProps fromDefaults =
        TelemetryStack.platformProps(defaults).coralogixPrivateKey(key.getSecretString()).build();
    TelemetryPlatform platform =
        new TelemetryPlatform(
            this,
            "Default",
            fromDefaults.toBuilder()
                .namespace(namespace.getStringValue())
                .coralogixDomain(domain.getStringValue())
                .coralogixApplicationName(application.getStringValue())
                .clusterName(clusterName.getStringValue())
                // The caller's cluster has its own default class; one per cluster is the rule.
                .defaultStorageClass(false)
                // Their Kubernetes API blocks are the caller's VPC, which the module cannot know.
                .networkPolicies(null)
                .logs(b -> fromDefaults.logs().apply(b).coralogixMapping(mapping))
                .metricsTraces(
                    b ->
                        fromDefaults
                            .metricsTraces()
                            .apply(b)
                            .coralogixMapping(mapping)
                            .queuePvcSizeGi(Token.asNumber(pvcSize.getValue()))
                            .tracesSamplingPercentage(
                                Token.asNumber(sampling.getValue()).doubleValue()))
                .targetAllocator(
                    b ->
                        fromDefaults
                            .targetAllocator()
                            .apply(b)
                            .allowlist(Token.asList(allowlist.getValue())))
                .hpa(
                    b ->
                        fromDefaults
                            .hpa()
                            .apply(b)
                            .minReplicas(Token.asNumber(minReplicas.getValue()))
                            .maxReplicas(Token.asNumber(maxReplicas.getValue())))
                .build());
    ((TerraformResource) platform.queueStorageClass().getNode().findChild("Resource"))
        .moveFromId(QUEUE_STORAGE_CLASS_BEFORE_THE_PLATFORM);
    MetricsTracesStatefulSet metricsTraces = platform.metricsTraces();
    validate(
        pvcSize,
        wholeAtLeast(
            "var.queue_pvc_size_gi", Long.toString(metricsTraces.props().minQueuePvcSizeGi())),
        "The queue_pvc_size_gi must be a whole number of GiB that holds every sending queue of a"
            + " replica full: at least "
            + metricsTraces.props().minQueuePvcSizeGi()
            + ".");

    output(
        "agent_namespace",
        platform.agentNamespace().createdName(),
        "Namespace of the logs agents (created by the module).");
    output(
        "gateway_namespace",
        platform.gatewayNamespace().createdName(),
        "Namespace of the metrics/traces collectors (created by the module).");
    output(
        "logs_release_name",
        platform.logs().props().releaseName(),
        "Helm release of the logs DaemonSet.");
    output(
        "metrics_traces_release_name",
        metricsTraces.name(),
        "Helm release of the metrics/traces StatefulSet; also its Service's name.");
    output(
        "otlp_grpc_endpoint",
        metricsTraces.otlpGrpcEndpoint(),
        "OTLP/gRPC endpoint applications send traces and metrics to.");
    output(
        "otlp_http_endpoint",
        metricsTraces.otlpHttpEndpoint(),
        "OTLP/HTTP endpoint applications send traces and metrics to.");
    output(
        "queue_storage_class_name",
        platform.queueStorageClass().name(),
        "StorageClass of the queue volumes; it retains a volume whose claim is deleted.");
  }

  private TerraformVariable variable(
      String name, String type, String description, Object defaultValue) {
    TerraformVariable.Builder v =
        TerraformVariable.Builder.create(this, name)
            .type(type)
            .description(description)
            .nullable(false);
    if (defaultValue != null) {
      v.defaultValue(defaultValue);
    }
    return v.build();
  }

  /** Adds a rule; {@code condition} is a Terraform expression, {@code message} one sentence. */
  private static void validate(TerraformVariable variable, String condition, String message) {
    variable.addValidation(
        TerraformVariableValidationConfig.builder()
            .condition("${" + condition + "}")
            .errorMessage(message)
            .build());
  }

  /** Every element of the list variable {@code reference} is a resource attribute name. */
  private static String attributeNames(String reference) {
    return "alltrue([for a in "
        + reference
        + " : can(regex(\"^[a-z][a-z0-9_]*([.][a-z0-9_]+)*$\", a))])";
  }

  private static String hclList(Collection<String> values) {
    return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  private static String wholeAtLeast(String reference, String minimum) {
    return reference + " == floor(" + reference + ") && " + reference + " >= " + minimum;
  }

  private void output(String name, String value, String description) {
    TerraformOutput.Builder.create(this, name).value(value).description(description).build();
  }
}
